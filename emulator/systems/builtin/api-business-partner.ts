// A Business-Partner-like OData V2 service written for this project (not SAP's API_BUSINESS_PARTNER
// metadata): partners with addresses, roles and address e-mails, composite keys, Gateway annotations
// (sap:*), associations with referential constraints and function imports. A TS module so it bundles.
export const API_BUSINESS_PARTNER_EDMX = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:sap="http://www.sap.com/Protocols/SAPData">
  <edmx:DataServices m:DataServiceVersion="2.0">
    <Schema Namespace="API_BUSINESS_PARTNER" xml:lang="en" sap:schema-version="1" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
      <EntityType Name="A_BusinessPartnerType" sap:label="Business Partner" sap:content-version="1">
        <Key><PropertyRef Name="BusinessPartner"/></Key>
        <Property Name="BusinessPartner" Type="Edm.String" Nullable="false" MaxLength="10" sap:label="Business Partner"/>
        <Property Name="BusinessPartnerUUID" Type="Edm.Guid" sap:label="BP GUID"/>
        <Property Name="Customer" Type="Edm.String" MaxLength="10" sap:label="Customer"/>
        <Property Name="BusinessPartnerCategory" Type="Edm.String" MaxLength="1" sap:label="BP Category"/>
        <Property Name="BusinessPartnerFullName" Type="Edm.String" MaxLength="81" sap:label="Full Name"/>
        <Property Name="FirstName" Type="Edm.String" MaxLength="40" sap:label="First Name"/>
        <Property Name="LastName" Type="Edm.String" MaxLength="40" sap:label="Last Name"/>
        <Property Name="OrganizationBPName1" Type="Edm.String" MaxLength="40" sap:label="Name 1"/>
        <Property Name="SearchTerm1" Type="Edm.String" MaxLength="20" sap:label="Search Term 1"/>
        <Property Name="Industry" Type="Edm.String" MaxLength="10" sap:label="Industry"/>
        <Property Name="CreditLimitAmount" Type="Edm.Decimal" Precision="15" Scale="2" sap:label="Credit Limit"/>
        <Property Name="Currency" Type="Edm.String" MaxLength="5" sap:label="Currency" sap:semantics="currency-code"/>
        <Property Name="EmployeeCount" Type="Edm.Int32" sap:label="Employees"/>
        <Property Name="Rating" Type="Edm.Double" sap:label="Rating"/>
        <Property Name="IsMarkedForArchiving" Type="Edm.Boolean" sap:label="Archiving Flag"/>
        <Property Name="CreationDate" Type="Edm.DateTime" Precision="0" sap:display-format="Date" sap:label="Created On"/>
        <Property Name="LastChangeDateTime" Type="Edm.DateTimeOffset" Precision="7" ConcurrencyMode="Fixed" sap:label="Last Change"/>
        <NavigationProperty Name="to_BusinessPartnerAddress" Relationship="API_BUSINESS_PARTNER.assoc_BP_Address" FromRole="FromRole_assoc_BP_Address" ToRole="ToRole_assoc_BP_Address"/>
        <NavigationProperty Name="to_BusinessPartnerRole" Relationship="API_BUSINESS_PARTNER.assoc_BP_Role" FromRole="FromRole_assoc_BP_Role" ToRole="ToRole_assoc_BP_Role"/>
      </EntityType>
      <EntityType Name="A_BusinessPartnerAddressType" sap:label="Business Partner Address" sap:content-version="1">
        <Key><PropertyRef Name="BusinessPartner"/><PropertyRef Name="AddressID"/></Key>
        <Property Name="BusinessPartner" Type="Edm.String" Nullable="false" MaxLength="10" sap:label="Business Partner"/>
        <Property Name="AddressID" Type="Edm.String" Nullable="false" MaxLength="10" sap:label="Address Number"/>
        <Property Name="StreetName" Type="Edm.String" MaxLength="60" sap:label="Street"/>
        <Property Name="HouseNumber" Type="Edm.String" MaxLength="10" sap:label="House Number"/>
        <Property Name="PostalCode" Type="Edm.String" MaxLength="10" sap:label="Postal Code"/>
        <Property Name="CityName" Type="Edm.String" MaxLength="40" sap:label="City"/>
        <Property Name="Country" Type="Edm.String" MaxLength="3" sap:label="Country"/>
        <Property Name="Region" Type="Edm.String" MaxLength="3" sap:label="Region"/>
        <Property Name="ValidityStartDate" Type="Edm.DateTimeOffset" Precision="0" sap:label="Valid From"/>
        <NavigationProperty Name="to_BusinessPartner" Relationship="API_BUSINESS_PARTNER.assoc_BP_Address" FromRole="ToRole_assoc_BP_Address" ToRole="FromRole_assoc_BP_Address"/>
        <NavigationProperty Name="to_EmailAddress" Relationship="API_BUSINESS_PARTNER.assoc_Address_Email" FromRole="FromRole_assoc_Address_Email" ToRole="ToRole_assoc_Address_Email"/>
      </EntityType>
      <EntityType Name="A_BusinessPartnerRoleType" sap:label="Business Partner Role" sap:content-version="1">
        <Key><PropertyRef Name="BusinessPartner"/><PropertyRef Name="BusinessPartnerRole"/></Key>
        <Property Name="BusinessPartner" Type="Edm.String" Nullable="false" MaxLength="10" sap:label="Business Partner"/>
        <Property Name="BusinessPartnerRole" Type="Edm.String" Nullable="false" MaxLength="6" sap:label="BP Role"/>
        <Property Name="ValidFrom" Type="Edm.DateTimeOffset" Precision="0" sap:label="Valid From"/>
        <Property Name="ValidTo" Type="Edm.DateTimeOffset" Precision="0" sap:label="Valid To"/>
      </EntityType>
      <EntityType Name="A_AddressEmailAddressType" sap:label="Address E-Mail" sap:content-version="1">
        <Key><PropertyRef Name="AddressID"/><PropertyRef Name="Person"/><PropertyRef Name="OrdinalNumber"/></Key>
        <Property Name="AddressID" Type="Edm.String" Nullable="false" MaxLength="10" sap:label="Address Number"/>
        <Property Name="Person" Type="Edm.String" Nullable="false" MaxLength="10" sap:label="Person Number"/>
        <Property Name="OrdinalNumber" Type="Edm.String" Nullable="false" MaxLength="3" sap:label="Sequence Number"/>
        <Property Name="IsDefaultEmailAddress" Type="Edm.Boolean" sap:label="Standard Address"/>
        <Property Name="EmailAddress" Type="Edm.String" MaxLength="241" sap:label="E-Mail Address"/>
      </EntityType>
      <ComplexType Name="TaxNumberCheckResult">
        <Property Name="TaxNumber" Type="Edm.String" MaxLength="20"/>
        <Property Name="IsValid" Type="Edm.Boolean"/>
        <Property Name="Message" Type="Edm.String" MaxLength="220"/>
      </ComplexType>
      <Association Name="assoc_BP_Address" sap:content-version="1">
        <End Type="API_BUSINESS_PARTNER.A_BusinessPartnerType" Multiplicity="1" Role="FromRole_assoc_BP_Address"/>
        <End Type="API_BUSINESS_PARTNER.A_BusinessPartnerAddressType" Multiplicity="*" Role="ToRole_assoc_BP_Address"/>
        <ReferentialConstraint>
          <Principal Role="FromRole_assoc_BP_Address"><PropertyRef Name="BusinessPartner"/></Principal>
          <Dependent Role="ToRole_assoc_BP_Address"><PropertyRef Name="BusinessPartner"/></Dependent>
        </ReferentialConstraint>
      </Association>
      <Association Name="assoc_BP_Role" sap:content-version="1">
        <End Type="API_BUSINESS_PARTNER.A_BusinessPartnerType" Multiplicity="1" Role="FromRole_assoc_BP_Role"/>
        <End Type="API_BUSINESS_PARTNER.A_BusinessPartnerRoleType" Multiplicity="*" Role="ToRole_assoc_BP_Role"/>
        <ReferentialConstraint>
          <Principal Role="FromRole_assoc_BP_Role"><PropertyRef Name="BusinessPartner"/></Principal>
          <Dependent Role="ToRole_assoc_BP_Role"><PropertyRef Name="BusinessPartner"/></Dependent>
        </ReferentialConstraint>
      </Association>
      <Association Name="assoc_Address_Email" sap:content-version="1">
        <End Type="API_BUSINESS_PARTNER.A_BusinessPartnerAddressType" Multiplicity="1" Role="FromRole_assoc_Address_Email"/>
        <End Type="API_BUSINESS_PARTNER.A_AddressEmailAddressType" Multiplicity="*" Role="ToRole_assoc_Address_Email"/>
        <ReferentialConstraint>
          <Principal Role="FromRole_assoc_Address_Email"><PropertyRef Name="AddressID"/></Principal>
          <Dependent Role="ToRole_assoc_Address_Email"><PropertyRef Name="AddressID"/></Dependent>
        </ReferentialConstraint>
      </Association>
      <EntityContainer Name="API_BUSINESS_PARTNER_Entities" m:IsDefaultEntityContainer="true" sap:supported-formats="atom json xlsx">
        <EntitySet Name="A_BusinessPartner" EntityType="API_BUSINESS_PARTNER.A_BusinessPartnerType" sap:content-version="1"/>
        <EntitySet Name="A_BusinessPartnerAddress" EntityType="API_BUSINESS_PARTNER.A_BusinessPartnerAddressType" sap:content-version="1"/>
        <EntitySet Name="A_BusinessPartnerRole" EntityType="API_BUSINESS_PARTNER.A_BusinessPartnerRoleType" sap:content-version="1"/>
        <EntitySet Name="A_AddressEmailAddress" EntityType="API_BUSINESS_PARTNER.A_AddressEmailAddressType" sap:content-version="1"/>
        <AssociationSet Name="assoc_BP_Address" Association="API_BUSINESS_PARTNER.assoc_BP_Address" sap:content-version="1">
          <End EntitySet="A_BusinessPartner" Role="FromRole_assoc_BP_Address"/>
          <End EntitySet="A_BusinessPartnerAddress" Role="ToRole_assoc_BP_Address"/>
        </AssociationSet>
        <AssociationSet Name="assoc_BP_Role" Association="API_BUSINESS_PARTNER.assoc_BP_Role" sap:content-version="1">
          <End EntitySet="A_BusinessPartner" Role="FromRole_assoc_BP_Role"/>
          <End EntitySet="A_BusinessPartnerRole" Role="ToRole_assoc_BP_Role"/>
        </AssociationSet>
        <AssociationSet Name="assoc_Address_Email" Association="API_BUSINESS_PARTNER.assoc_Address_Email" sap:content-version="1">
          <End EntitySet="A_BusinessPartnerAddress" Role="FromRole_assoc_Address_Email"/>
          <End EntitySet="A_AddressEmailAddress" Role="ToRole_assoc_Address_Email"/>
        </AssociationSet>
        <FunctionImport Name="MarkForArchiving" ReturnType="API_BUSINESS_PARTNER.A_BusinessPartnerType" EntitySet="A_BusinessPartner" m:HttpMethod="POST">
          <Parameter Name="BusinessPartner" Type="Edm.String" Mode="In" MaxLength="10"/>
        </FunctionImport>
        <FunctionImport Name="CheckTaxNumber" ReturnType="API_BUSINESS_PARTNER.TaxNumberCheckResult" m:HttpMethod="GET">
          <Parameter Name="Country" Type="Edm.String" Mode="In" MaxLength="3"/>
          <Parameter Name="TaxNumber" Type="Edm.String" Mode="In" MaxLength="20"/>
        </FunctionImport>
        <FunctionImport Name="CountPartnersInCity" ReturnType="Edm.Int32" m:HttpMethod="GET">
          <Parameter Name="CityName" Type="Edm.String" Mode="In" MaxLength="40"/>
        </FunctionImport>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
