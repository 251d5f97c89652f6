// A sales-order-like OData V4 service written for this project (RAP-style names, not SAP's metadata):
// orders with items (composite key), partner navigations with referential constraints, bound and
// unbound actions and functions. A TS module so it bundles.
export const SALES_ORDER_V4_EDMX = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="com.sap.gateway.srvd.salesorder.v0001" Alias="SAP__self" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="SalesOrderType">
        <Key><PropertyRef Name="SalesOrder"/></Key>
        <Property Name="SalesOrder" Type="Edm.String" Nullable="false" MaxLength="10"/>
        <Property Name="SalesOrderType" Type="Edm.String" MaxLength="4"/>
        <Property Name="SalesOrganization" Type="Edm.String" MaxLength="4"/>
        <Property Name="SoldToParty" Type="Edm.String" MaxLength="10"/>
        <Property Name="PurchaseOrderByCustomer" Type="Edm.String" MaxLength="35"/>
        <Property Name="CustomerName" Type="Edm.String" MaxLength="80"/>
        <Property Name="TotalNetAmount" Type="Edm.Decimal" Precision="15" Scale="2"/>
        <Property Name="TransactionCurrency" Type="Edm.String" MaxLength="5"/>
        <Property Name="OverallSDProcessStatus" Type="Edm.String" MaxLength="1"/>
        <Property Name="IsReleased" Type="Edm.Boolean"/>
        <Property Name="SalesOrderDate" Type="Edm.Date"/>
        <Property Name="SalesOrderUUID" Type="Edm.Guid"/>
        <Property Name="LastChangeDateTime" Type="Edm.DateTimeOffset" Precision="7"/>
        <NavigationProperty Name="_Item" Type="Collection(com.sap.gateway.srvd.salesorder.v0001.SalesOrderItemType)" Partner="_SalesOrder"/>
      </EntityType>
      <EntityType Name="SalesOrderItemType">
        <Key><PropertyRef Name="SalesOrder"/><PropertyRef Name="SalesOrderItem"/></Key>
        <Property Name="SalesOrder" Type="Edm.String" Nullable="false" MaxLength="10"/>
        <Property Name="SalesOrderItem" Type="Edm.String" Nullable="false" MaxLength="6"/>
        <Property Name="Material" Type="Edm.String" MaxLength="40"/>
        <Property Name="SalesOrderItemText" Type="Edm.String" MaxLength="40"/>
        <Property Name="RequestedQuantity" Type="Edm.Decimal" Precision="15" Scale="3"/>
        <Property Name="RequestedQuantityUnit" Type="Edm.String" MaxLength="3"/>
        <Property Name="NetAmount" Type="Edm.Decimal" Precision="15" Scale="2"/>
        <Property Name="TransactionCurrency" Type="Edm.String" MaxLength="5"/>
        <Property Name="ItemPosition" Type="Edm.Int32"/>
        <NavigationProperty Name="_SalesOrder" Type="com.sap.gateway.srvd.salesorder.v0001.SalesOrderType" Nullable="false" Partner="_Item">
          <ReferentialConstraint Property="SalesOrder" ReferencedProperty="SalesOrder"/>
        </NavigationProperty>
      </EntityType>
      <ComplexType Name="OrderSummary">
        <Property Name="OrderCount" Type="Edm.Int32"/>
        <Property Name="TotalNetAmount" Type="Edm.Decimal" Precision="15" Scale="2"/>
      </ComplexType>
      <Action Name="release" IsBound="true">
        <Parameter Name="_it" Type="com.sap.gateway.srvd.salesorder.v0001.SalesOrderType" Nullable="false"/>
        <ReturnType Type="com.sap.gateway.srvd.salesorder.v0001.SalesOrderType" Nullable="false"/>
      </Action>
      <Function Name="itemCount" IsBound="true">
        <Parameter Name="_it" Type="com.sap.gateway.srvd.salesorder.v0001.SalesOrderType" Nullable="false"/>
        <ReturnType Type="Edm.Int32"/>
      </Function>
      <Action Name="createFromQuote" IsBound="false">
        <Parameter Name="Quote" Type="Edm.String" MaxLength="10"/>
        <Parameter Name="SoldToParty" Type="Edm.String" MaxLength="10"/>
        <ReturnType Type="com.sap.gateway.srvd.salesorder.v0001.SalesOrderType"/>
      </Action>
      <Function Name="summary" IsBound="false">
        <Parameter Name="SoldToParty" Type="Edm.String" MaxLength="10"/>
        <ReturnType Type="com.sap.gateway.srvd.salesorder.v0001.OrderSummary"/>
      </Function>
      <EntityContainer Name="Container">
        <EntitySet Name="SalesOrder" EntityType="com.sap.gateway.srvd.salesorder.v0001.SalesOrderType">
          <NavigationPropertyBinding Path="_Item" Target="SalesOrderItem"/>
        </EntitySet>
        <EntitySet Name="SalesOrderItem" EntityType="com.sap.gateway.srvd.salesorder.v0001.SalesOrderItemType">
          <NavigationPropertyBinding Path="_SalesOrder" Target="SalesOrder"/>
        </EntitySet>
        <ActionImport Name="createFromQuote" Action="com.sap.gateway.srvd.salesorder.v0001.createFromQuote" EntitySet="SalesOrder"/>
        <FunctionImport Name="summary" Function="com.sap.gateway.srvd.salesorder.v0001.summary"/>
      </EntityContainer>
      <Annotations Target="SAP__self.SalesOrderType">
        <Annotation Term="Core.OptimisticConcurrency">
          <Collection><PropertyPath>LastChangeDateTime</PropertyPath></Collection>
        </Annotation>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
