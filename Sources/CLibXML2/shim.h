#ifndef PROCMOD_CLIBXML2_SHIM_H
#define PROCMOD_CLIBXML2_SHIM_H
// libxml2's headers pull in ICU when it was built with it; that copy collides with
// Foundation's own ICU, so the ICU-dependent declarations are switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlwriter.h>
#endif
