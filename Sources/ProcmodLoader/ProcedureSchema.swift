/// The W3C XML Schema of the procedure DSL, version 1. `procmod schema` prints it and
/// `docs/procedure-1.xsd` is a copy for editors (a test keeps the two equal).
public enum ProcedureSchema {
    /// The DSL's XML namespace.
    public static let namespace = "urn:procmod:procedure:1"

    /// Simple types and the provenance attributes that every procmod schema uses.
    static let commonTypes = #"""
  <!-- Types shared by the procedure, scenario and suite schemas -->
  <xs:simpleType name="ids"><xs:list itemType="xs:NCName"/></xs:simpleType>
  <xs:simpleType name="amount"><xs:restriction base="xs:decimal"><xs:minInclusive value="0"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="positiveAmount"><xs:restriction base="xs:decimal"><xs:minExclusive value="0"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="count"><xs:restriction base="xs:positiveInteger"/></xs:simpleType>
  <xs:simpleType name="share"><xs:restriction base="xs:decimal"><xs:minInclusive value="0"/><xs:maxInclusive value="1"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="onlineLevel">
    <xs:restriction base="xs:token"><xs:enumeration value="end-to-end"/><xs:enumeration value="partial"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="unit">
    <xs:restriction base="xs:token">
      <xs:enumeration value="minutes"/><xs:enumeration value="hours"/>
      <xs:enumeration value="working-days"/><xs:enumeration value="calendar-days"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attributeGroup name="provenance">
    <xs:attribute name="source" type="ids"/>
    <xs:attribute name="assumed" type="xs:boolean"/>
  </xs:attributeGroup>
"""#

    /// The `duration` type (work and delay with their distributions), shared with the scenario schema.
    static let durationTypes = #"""
  <!-- Durations -->
  <xs:complexType name="duration">
    <xs:choice>
      <xs:element name="fixed"><xs:complexType>
        <xs:attribute name="value" type="amount" use="required"/></xs:complexType></xs:element>
      <xs:element name="uniform"><xs:complexType>
        <xs:attribute name="min" type="amount" use="required"/>
        <xs:attribute name="max" type="amount" use="required"/></xs:complexType></xs:element>
      <xs:element name="triangular"><xs:complexType>
        <xs:attribute name="min" type="amount" use="required"/>
        <xs:attribute name="mode" type="amount" use="required"/>
        <xs:attribute name="max" type="amount" use="required"/></xs:complexType></xs:element>
      <xs:element name="normal"><xs:complexType>
        <xs:attribute name="mean" type="amount" use="required"/>
        <xs:attribute name="sd" type="amount" use="required"/>
        <xs:attribute name="min" type="amount"/>
        <xs:attribute name="max" type="amount"/></xs:complexType></xs:element>
      <xs:element name="lognormal"><xs:complexType>
        <xs:attribute name="mean" type="positiveAmount" use="required"/>
        <xs:attribute name="sd" type="amount" use="required"/></xs:complexType></xs:element>
      <xs:element name="exponential"><xs:complexType>
        <xs:attribute name="mean" type="positiveAmount" use="required"/></xs:complexType></xs:element>
      <xs:element name="gamma"><xs:complexType>
        <xs:attribute name="shape" type="positiveAmount" use="required"/>
        <xs:attribute name="scale" type="positiveAmount" use="required"/></xs:complexType></xs:element>
      <xs:element name="erlang"><xs:complexType>
        <xs:attribute name="k" type="count" use="required"/>
        <xs:attribute name="mean" type="positiveAmount" use="required"/></xs:complexType></xs:element>
      <xs:element name="empirical"><xs:complexType><xs:sequence>
        <xs:element name="point" maxOccurs="unbounded"><xs:complexType>
          <xs:attribute name="value" type="amount" use="required"/>
          <xs:attribute name="weight" type="positiveAmount" default="1"/></xs:complexType></xs:element>
      </xs:sequence></xs:complexType></xs:element>
    </xs:choice>
    <xs:attribute name="unit" type="unit" use="required"/>
    <xs:attributeGroup ref="provenance"/>
  </xs:complexType>

"""#

    /// The schema text.
    /// The simple types and the `named` attribute group of the procedure schema, shared with the
    /// catalogue schema.
    static let simpleTypes = #"""
  <!-- Simple types -->
  <xs:simpleType name="id"><xs:restriction base="xs:NCName"/></xs:simpleType>
  <xs:simpleType name="time">
    <xs:restriction base="xs:string"><xs:pattern value="([01][0-9]|2[0-3]):[0-5][0-9]|24:00"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="times"><xs:list itemType="time"/></xs:simpleType>
  <xs:simpleType name="date">
    <xs:restriction base="xs:string"><xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="weekday">
    <xs:restriction base="xs:token">
      <xs:enumeration value="mon"/><xs:enumeration value="tue"/><xs:enumeration value="wed"/>
      <xs:enumeration value="thu"/><xs:enumeration value="fri"/><xs:enumeration value="sat"/>
      <xs:enumeration value="sun"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="weekdays"><xs:list itemType="weekday"/></xs:simpleType>
  <xs:simpleType name="level">
    <xs:restriction base="xs:token">
      <xs:enumeration value="central"/><xs:enumeration value="province"/>
      <xs:enumeration value="district"/><xs:enumeration value="commune"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="medium">
    <xs:restriction base="xs:token"><xs:enumeration value="paper"/><xs:enumeration value="electronic"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="capacity">
    <xs:union memberTypes="xs:nonNegativeInteger">
      <xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="unlimited"/></xs:restriction></xs:simpleType>
    </xs:union>
  </xs:simpleType>

  <!-- Attribute groups -->
  <xs:attributeGroup name="named">
    <xs:attribute name="name" type="xs:string"/>
    <xs:attribute name="name-en" type="xs:string"/>
  </xs:attributeGroup>


"""#

    /// The `hours` and `calendar` types, shared with the catalogue schema.
    static let calendarTypes = #"""
  <!-- Weekly opening hours: of a calendar, or of the sites of a site variant. -->
  <xs:complexType name="hours">
    <xs:attribute name="days" type="weekdays" use="required"/>
    <xs:attribute name="from" type="time" use="required"/>
    <xs:attribute name="to" type="time" use="required"/>
  </xs:complexType>

  <xs:complexType name="calendar">
    <xs:sequence>
      <xs:element name="hours" type="hours" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="holiday" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="date" type="date"/>
          <xs:attribute name="from" type="date"/>
          <xs:attribute name="to" type="date"/>
          <xs:attribute name="name" type="xs:string"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="working-day" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="date" type="date" use="required"/>
          <xs:attribute name="hours-of" type="weekday" default="mon"/>
          <xs:attribute name="name" type="xs:string"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="site-variant" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="hours" type="hours" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:attribute name="name" type="xs:string" use="required"/>
          <xs:attribute name="share" type="share" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attributeGroup ref="named"/>
    <xs:attribute name="extends" type="id"/>
  </xs:complexType>


"""#

    public static let text = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- procmod procedure DSL, version 1. Generated by `procmod schema`; edit
     Sources/ProcmodLoader/ProcedureSchema.swift, not this copy. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="urn:procmod:procedure:1"
           targetNamespace="urn:procmod:procedure:1"
           elementFormDefault="qualified">

  <xs:annotation><xs:documentation>
    An administrative procedure (thu tuc hanh chinh): metadata, sources, legal basis, agencies,
    deadline, volume, result, channels, calendars, actors, documents and the flow of steps.
    See docs/dsl.md for every element and attribute.
  </xs:documentation></xs:annotation>

\#(commonTypes)
\#(simpleTypes)  <!-- Root -->
  <xs:element name="procedure">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="summary" type="xs:string" minOccurs="0"/>
        <xs:element name="sources" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="source" maxOccurs="unbounded">
              <xs:complexType><xs:simpleContent><xs:extension base="xs:string">
                <xs:attribute name="id" type="id" use="required"/>
                <xs:attribute name="ref" type="xs:string" use="required"/>
                <xs:attribute name="quality">
                  <xs:simpleType><xs:restriction base="xs:token">
                    <xs:enumeration value="L"/><xs:enumeration value="G"/><xs:enumeration value="N"/>
                    <xs:enumeration value="S"/><xs:enumeration value="GH"/>
                  </xs:restriction></xs:simpleType>
                </xs:attribute>
              </xs:extension></xs:simpleContent></xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="legal-basis" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="provision" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="id" type="id" use="required"/>
                <xs:attribute name="act" type="xs:string" use="required"/>
                <xs:attribute name="article" type="xs:token"/>
                <xs:attribute name="clause" type="xs:token"/>
                <xs:attribute name="point" type="xs:token"/>
                <xs:attribute name="url" type="xs:string"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="agencies" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="agency" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="id" type="id" use="required"/>
                <xs:attributeGroup ref="named"/>
                <xs:attribute name="level" type="level"/>
                <xs:attribute name="role" default="implementing">
                  <xs:simpleType><xs:restriction base="xs:token">
                    <xs:enumeration value="implementing"/><xs:enumeration value="coordinating"/>
                    <xs:enumeration value="issuing"/><xs:enumeration value="other"/>
                  </xs:restriction></xs:simpleType>
                </xs:attribute>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="deadline" type="deadline" minOccurs="0"/>
        <xs:element name="volume">
          <xs:complexType>
            <xs:attribute name="per-year" type="amount" use="required"/>
            <xs:attribute name="sites" type="count" default="1"/>
            <xs:attributeGroup ref="provenance"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="arrivals" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="month" minOccurs="0" maxOccurs="12">
              <xs:complexType>
                <xs:attribute name="number" use="required">
                  <xs:simpleType><xs:restriction base="xs:positiveInteger"><xs:maxInclusive value="12"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="weight" type="amount" use="required"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="weekday" minOccurs="0" maxOccurs="7">
              <xs:complexType>
                <xs:attribute name="day" type="weekday" use="required"/>
                <xs:attribute name="weight" type="amount" use="required"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="hours" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="from" type="time" use="required"/>
                <xs:attribute name="to" type="time" use="required"/>
                <xs:attribute name="weight" type="amount" use="required"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="at" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="time" use="required">
                  <xs:simpleType><xs:restriction base="xs:string">
                    <xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]"/>
                  </xs:restriction></xs:simpleType>
                </xs:attribute>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attributeGroup ref="provenance"/></xs:complexType>
        </xs:element>
        <xs:element name="result">
          <xs:complexType><xs:attribute name="document" type="id" use="required"/></xs:complexType>
        </xs:element>
        <xs:element name="channels">
          <xs:complexType><xs:sequence>
            <xs:element name="channel" type="channel" maxOccurs="unbounded"/>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="calendars" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="calendar" type="calendar" maxOccurs="unbounded"/>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="actors">
          <xs:complexType><xs:sequence>
            <xs:element name="actor" type="actor" maxOccurs="unbounded"/>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="documents">
          <xs:complexType><xs:sequence>
            <xs:element name="document" type="document" maxOccurs="unbounded"/>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="flow">
          <xs:complexType><xs:choice maxOccurs="unbounded">
            <xs:element name="step" type="step"/>
            <xs:element name="choice" type="choice"/>
            <xs:element name="parallel" type="parallel"/>
            <xs:element name="join" type="join"/>
            <xs:element name="end" type="end"/>
          </xs:choice></xs:complexType>
        </xs:element>
        <xs:element name="invariants" type="invariants" minOccurs="0"/>
      </xs:sequence>
      <xs:attribute name="code" type="xs:token" use="required"/>
      <xs:attributeGroup ref="named"/>
      <xs:attribute name="version" type="xs:token"/>
      <xs:attribute name="valid-from" type="date"/>
      <xs:attribute name="as-of" type="date"/>
      <xs:attribute name="field" type="xs:token"/>
      <xs:attribute name="level" type="level" use="required"/>
    </xs:complexType>
  </xs:element>

  <!-- Deadline, channels, fees -->
  <xs:complexType name="deadline">
    <xs:sequence>
      <xs:element name="part" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="agency" type="id" use="required"/>
          <xs:attribute name="working-days" type="amount"/>
          <xs:attribute name="days" type="amount"/>
          <xs:attribute name="legal" type="ids"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="working-days" type="amount"/>
    <xs:attribute name="days" type="amount"/>
    <xs:attribute name="cut-off" type="time"/>
    <xs:attribute name="calendar" type="id"/>
    <xs:attribute name="legal" type="ids"/>
    <xs:attributeGroup ref="provenance"/>
  </xs:complexType>

  <xs:complexType name="channel">
    <xs:sequence>
      <xs:element name="deadline" type="deadline" minOccurs="0"/>
      <xs:element name="fee" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="name" type="xs:string" use="required"/>
          <xs:attribute name="amount" type="amount" use="required"/>
          <xs:attribute name="legal" type="ids"/>
          <xs:attributeGroup ref="provenance"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attributeGroup ref="named"/>
    <xs:attribute name="kind" use="required">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="in-person"/><xs:enumeration value="post"/><xs:enumeration value="online"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="online-level" type="onlineLevel"/>
    <xs:attribute name="share" type="share" use="required"/>
    <xs:attributeGroup ref="provenance"/>
  </xs:complexType>

  <!-- Calendars -->
\#(calendarTypes)  <!-- Actors -->
  <xs:complexType name="actor">
    <xs:sequence>
      <xs:element name="cadence" minOccurs="0">
        <xs:complexType>
          <xs:attribute name="at" type="times" use="required"/>
          <xs:attribute name="days" type="weekdays"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="availability" minOccurs="0">
        <xs:complexType>
          <xs:attribute name="mtbf-hours" type="positiveAmount" use="required"/>
          <xs:attribute name="mttr-hours" type="positiveAmount" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attributeGroup ref="named"/>
    <xs:attribute name="kind" use="required">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="applicant"/><xs:enumeration value="reception-desk"/>
        <xs:enumeration value="specialist-office"/><xs:enumeration value="official"/>
        <xs:enumeration value="signer"/><xs:enumeration value="agency"/>
        <xs:enumeration value="postal-service"/><xs:enumeration value="online-system"/>
        <xs:enumeration value="third-party"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="agency" type="id"/>
    <xs:attribute name="capacity" type="capacity" default="1"/>
    <xs:attribute name="calendar" type="id" default="always"/>
    <xs:attribute name="tariff" type="amount"/>
    <xs:attribute name="batch-size" type="count"/>
    <xs:attributeGroup ref="provenance"/>
  </xs:complexType>

  <!-- Documents -->
  <xs:complexType name="document">
    <xs:sequence>
      <xs:element name="held-by" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="register" type="xs:NCName" use="required"/>
          <xs:attribute name="coverage" type="share" default="1"/>
          <xs:attributeGroup ref="provenance"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attributeGroup ref="named"/>
    <xs:attribute name="kind" use="required">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="form"/><xs:enumeration value="certificate"/>
        <xs:enumeration value="evidence"/><xs:enumeration value="result"/>
        <xs:enumeration value="internal"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="issuer" type="xs:string"/>
    <xs:attribute name="register" type="xs:NCName"/>
    <xs:attribute name="medium" type="medium" use="required"/>
    <xs:attribute name="pages" type="count" default="1"/>
    <xs:attribute name="obsolete-from" type="date"/>
    <xs:attribute name="result-of" type="xs:token"/>
    <xs:attribute name="legal" type="ids"/>
    <xs:attributeGroup ref="provenance"/>
  </xs:complexType>

\#(durationTypes)
\#(InvariantSchema.types)  <!-- Flow -->
  <xs:complexType name="requirement">
    <xs:attribute name="document" type="id" use="required"/>
    <xs:attribute name="form" use="required">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="original"/><xs:enumeration value="copy"/>
        <xs:enumeration value="certified-copy"/><xs:enumeration value="electronic"/>
        <xs:enumeration value="present"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="copies" type="count" default="1"/>
    <xs:attribute name="sets" type="count" default="1"/>
    <xs:attribute name="share" type="share"/>
    <xs:attribute name="when" type="xs:string"/>
    <xs:attribute name="unless-registered" type="xs:boolean"/>
    <xs:attribute name="issued-within-days" type="count"/>
    <xs:attribute name="legalisation">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="consular"/><xs:enumeration value="apostille"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="translation">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="plain"/><xs:enumeration value="certified"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="legal" type="ids"/>
    <xs:attributeGroup ref="provenance"/>
  </xs:complexType>

  <xs:complexType name="step">
    <xs:sequence>
      <xs:element name="work" type="duration" minOccurs="0"/>
      <xs:element name="delay" type="duration" minOccurs="0"/>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="requires" type="requirement"/>
        <xs:element name="one-of">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="requires" type="requirement" minOccurs="2" maxOccurs="unbounded"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:choice>
      <xs:element name="produces" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="document" type="id" use="required"/>
          <xs:attribute name="medium" type="medium" use="required"/>
          <xs:attribute name="copies" type="count" default="1"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="signature" minOccurs="0">
        <xs:complexType>
          <xs:attribute name="signer" type="id"/>
          <xs:attribute name="kind" use="required">
            <xs:simpleType><xs:restriction base="xs:token">
              <xs:enumeration value="wet"/><xs:enumeration value="digital"/>
            </xs:restriction></xs:simpleType>
          </xs:attribute>
        </xs:complexType>
      </xs:element>
      <xs:element name="payment" minOccurs="0">
        <xs:complexType>
          <xs:attribute name="amount" type="amount" use="required"/>
          <xs:attribute name="method" use="required">
            <xs:simpleType><xs:restriction base="xs:token">
              <xs:enumeration value="cash"/><xs:enumeration value="bank-transfer"/>
              <xs:enumeration value="online"/><xs:enumeration value="card"/><xs:enumeration value="postal"/>
            </xs:restriction></xs:simpleType>
          </xs:attribute>
          <xs:attribute name="purpose" type="xs:string"/>
          <xs:attribute name="legal" type="ids"/>
          <xs:attributeGroup ref="provenance"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="handoff" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="to" type="id" use="required"/>
          <xs:attribute name="medium" type="medium" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attributeGroup ref="named"/>
    <xs:attribute name="kind" use="required">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="inform"/><xs:enumeration value="prepare"/><xs:enumeration value="copy"/>
        <xs:enumeration value="certify"/><xs:enumeration value="travel"/><xs:enumeration value="submit"/>
        <xs:enumeration value="receive"/><xs:enumeration value="verify"/><xs:enumeration value="inspect"/>
        <xs:enumeration value="survey"/><xs:enumeration value="digitize"/><xs:enumeration value="record"/>
        <xs:enumeration value="publish"/><xs:enumeration value="approve"/><xs:enumeration value="sign"/>
        <xs:enumeration value="transfer"/><xs:enumeration value="pay"/><xs:enumeration value="notify"/>
        <xs:enumeration value="deliver"/><xs:enumeration value="collect"/><xs:enumeration value="wait"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="actor" type="id" use="required"/>
    <xs:attribute name="with" type="ids"/>
    <xs:attribute name="channel" type="id"/>
    <xs:attribute name="next" type="id"/>
    <xs:attribute name="depends-on" type="ids"/>
    <xs:attribute name="presence">
      <xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="required"/></xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="clock">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="start"/><xs:enumeration value="counted"/><xs:enumeration value="excluded"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="legal" type="ids"/>
    <xs:attributeGroup ref="provenance"/>
  </xs:complexType>

  <xs:complexType name="choice">
    <xs:sequence>
      <xs:element name="branch" minOccurs="2" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="to" type="id" use="required"/>
          <xs:attribute name="probability" type="share"/>
          <xs:attribute name="channel" type="id"/>
          <xs:attribute name="loop">
            <xs:simpleType><xs:restriction base="xs:token">
              <xs:enumeration value="supplement"/><xs:enumeration value="rework"/>
            </xs:restriction></xs:simpleType>
          </xs:attribute>
          <xs:attribute name="max" type="count"/>
          <xs:attribute name="deadline-working-days" type="amount"/>
          <xs:attribute name="deadline-days" type="amount"/>
          <xs:attribute name="legal" type="ids"/>
          <xs:attributeGroup ref="provenance"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attributeGroup ref="named"/>
    <xs:attribute name="by" default="probability">
      <xs:simpleType><xs:restriction base="xs:token">
        <xs:enumeration value="probability"/><xs:enumeration value="channel"/>
      </xs:restriction></xs:simpleType>
    </xs:attribute>
  </xs:complexType>

  <xs:complexType name="parallel">
    <xs:sequence>
      <xs:element name="branch" minOccurs="2" maxOccurs="unbounded">
        <xs:complexType><xs:attribute name="to" type="id" use="required"/></xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attributeGroup ref="named"/>
  </xs:complexType>

  <xs:complexType name="join">
    <xs:attribute name="id" type="id" use="required"/>
    <xs:attribute name="split" type="id" use="required"/>
    <xs:attribute name="next" type="id"/>
  </xs:complexType>

  <xs:complexType name="end">
    <xs:attribute name="id" type="id" use="required"/>
  </xs:complexType>
</xs:schema>
"""#
}
