// libxlsxwriter (Debian's libxlsxwriter-dev): writes Excel .xlsx workbooks. Only ProcmodSpreadsheet uses it.
#include <xlsxwriter.h>
