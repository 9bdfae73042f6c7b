//! Defines `Catalog`, the publisher's record of the exports as a dataset
//! catalog (`data/catalog.json`): who publishes them, under which IRI and
//! licence, whom to contact, and how to describe each document's dataset.
//! None of it comes from the source text; the DCAT-AP export is built from
//! it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, DocumentId, Iri, IriError, LocalizedText, Schemes};

/// The catalog of everything the exports publish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The schema this file follows (`../schema/catalog.schema.json`).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The absolute IRI the exports are published under, ending in `/`.
    /// `--base-iri` overrides it for one run.
    #[schemars(extend("format" = "iri"))]
    pub base_iri: String,
    /// The web page where people find the catalog.
    #[schemars(extend("format" = "iri"))]
    pub landing_page: String,
    /// The catalog's title, in each language it is offered in.
    pub title: LocalizedText,
    /// What the catalog holds, in each language it is offered in.
    pub description: LocalizedText,
    /// Who publishes the exports (not the body that issued the documents).
    pub publisher: Agent,
    /// Whom portal users contact about the data.
    pub contact_point: ContactPoint,
    /// The IRI of the licence the exports are published under, preferably
    /// from the EU licence authority table. Without it portals show the
    /// data as having no known licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "iri"))]
    pub license: Option<String>,
    /// What kind of licence `license` is, from the ADMS licence-type
    /// vocabulary (`Attribution`, `PublicDomain`, …). Only the publisher
    /// knows it; while a licence is set without it, the
    /// `catalog-recommended` rule warns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_type: Option<LicenceType>,
    /// How long the files stay at their addresses (`STABLE`, `AVAILABLE`,
    /// `EXPERIMENTAL`, `TEMPORARY`). Only the publisher knows it; while unset,
    /// the `catalog-recommended` rule warns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// The geometry of each country the datasets cover (their
    /// `dct:spatial`), keyed by its ISO 3166-1 alpha-2 code (`CN`): a
    /// bounding box and a centroid in WKT, longitude first. Only the
    /// publisher gives it; nothing is computed. While a covered country
    /// has none, the `catalog-recommended` rule warns.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique_map::deserialize"
    )]
    #[schemars(extend("propertyNames" = {"pattern": "^[A-Z]{2}$"}))]
    pub spatial: BTreeMap<String, Geometry>,
    /// EU data themes (`EDUC`, …) of the data.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub themes: Vec<Theme>,
    /// One entry per document: how its dataset is described.
    pub datasets: Vec<DatasetMetadata>,
    /// What the file assumes that its publisher must confirm or replace,
    /// in words.
    #[serde(default)]
    pub assumptions: Vec<String>,
}

/// An organization or person, named in each language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    /// The stable IRI that identifies the agent.
    #[schemars(extend("format" = "iri"))]
    pub iri: String,
    /// The agent's name.
    pub name: LocalizedText,
    /// The kind of body the agent is, from the ADMS publisher-type
    /// vocabulary (`NonProfitOrganisation`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PublisherType>,
}

/// How to reach the people responsible for the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPoint {
    /// The name of the team or office.
    pub name: LocalizedText,
    /// An e-mail address.
    #[schemars(extend("format" = "email"))]
    pub email: String,
}

/// The catalog's description of one document's dataset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatasetMetadata {
    /// The id of the document the dataset publishes.
    pub document: DocumentId,
    /// What the dataset holds, in every official language of the document.
    pub description: LocalizedText,
    /// Keywords, each in the languages it is given in.
    #[serde(default)]
    pub keywords: Vec<LocalizedText>,
    /// The period the dataset covers (`dct:temporal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporal: Option<Temporal>,
}

/// The bounding box and centroid of an area, as GeoSPARQL WKT literals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Geometry {
    /// The area's bounding box, a WKT polygon in longitude–latitude order:
    /// `POLYGON((10 40, 20 40, 20 50, 10 50, 10 40))`.
    #[schemars(extend("pattern" = "^\\s*POLYGON\\s*\\("))]
    pub bbox: String,
    /// The area's centroid, a WKT point in longitude–latitude order:
    /// `POINT(15 45)`.
    #[schemars(extend("pattern" = "^\\s*POINT\\s*\\("))]
    pub centroid: String,
}

/// A period of time, open at either end but not both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1))]
pub struct Temporal {
    /// The first day of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// The last day of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
}

/// How long a distribution stays available (`dcatap:availability`), from
/// the EU planned-availability authority table that DCAT-AP names
/// (`http://publications.europa.eu/resource/authority/planned-availability/…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Availability {
    /// Kept available for the long term.
    Stable,
    /// Available for some years.
    Available,
    /// Available for a year or so.
    Experimental,
    /// May disappear at any time.
    Temporary,
}

impl Availability {
    /// The concept's English label in the authority table.
    pub fn label(self) -> &'static str {
        match self {
            Self::Stable => "stable",
            Self::Available => "available",
            Self::Experimental => "experimental",
            Self::Temporary => "temporary",
        }
    }

    /// The concept's IRI in the planned-availability authority table.
    pub fn iri(self) -> &'static str {
        match self {
            Self::Stable => {
                "http://publications.europa.eu/resource/authority/planned-availability/STABLE"
            }
            Self::Available => {
                "http://publications.europa.eu/resource/authority/planned-availability/AVAILABLE"
            }
            Self::Experimental => {
                "http://publications.europa.eu/resource/authority/planned-availability/EXPERIMENTAL"
            }
            Self::Temporary => {
                "http://publications.europa.eu/resource/authority/planned-availability/TEMPORARY"
            }
        }
    }
}

/// An EU data theme, from the Publications Office's data-theme authority
/// table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Theme {
    /// Agriculture, fisheries, forestry and food.
    Agri,
    /// Economy and finance.
    Econ,
    /// Education, culture and sport.
    Educ,
    /// Energy.
    Ener,
    /// Environment.
    Envi,
    /// Government and public sector.
    Gove,
    /// Health.
    Heal,
    /// International issues.
    Intr,
    /// Justice, legal system and public safety.
    Just,
    /// Regions and cities.
    Regi,
    /// Population and society.
    Soci,
    /// Science and technology.
    Tech,
    /// Transport.
    Tran,
}

impl Theme {
    /// The theme's code in the authority table (`EDUC`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Agri => "AGRI",
            Self::Econ => "ECON",
            Self::Educ => "EDUC",
            Self::Ener => "ENER",
            Self::Envi => "ENVI",
            Self::Gove => "GOVE",
            Self::Heal => "HEAL",
            Self::Intr => "INTR",
            Self::Just => "JUST",
            Self::Regi => "REGI",
            Self::Soci => "SOCI",
            Self::Tech => "TECH",
            Self::Tran => "TRAN",
        }
    }

    /// The theme's English label in the authority table.
    pub fn label(self) -> &'static str {
        match self {
            Self::Agri => "Agriculture, fisheries, forestry and food",
            Self::Econ => "Economy and finance",
            Self::Educ => "Education, culture and sport",
            Self::Ener => "Energy",
            Self::Envi => "Environment",
            Self::Gove => "Government and public sector",
            Self::Heal => "Health",
            Self::Intr => "International issues",
            Self::Just => "Justice, legal system and public safety",
            Self::Regi => "Regions and cities",
            Self::Soci => "Population and society",
            Self::Tech => "Science and technology",
            Self::Tran => "Transport",
        }
    }
}

/// The catalog's IRIs, each checked for the schemes its field allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogIris {
    /// `base_iri`.
    pub base_iri: Iri,
    /// `landing_page`.
    pub landing_page: Iri,
    /// `publisher.iri`.
    pub publisher: Iri,
    /// The `mailto:` IRI of `contact_point.email`.
    pub contact: Iri,
    /// `license`.
    pub license: Option<Iri>,
}

/// How a catalog field is checked as an IRI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IriField {
    /// The base IRI: a web IRI ending in `/`.
    Base,
    /// A web IRI.
    Web,
    /// An e-mail address or `mailto:` IRI.
    Mail,
}

impl IriField {
    /// Checks `value` as this field's IRI.
    pub fn check(self, value: &str) -> Result<Iri, IriError> {
        match self {
            Self::Base => Iri::base(value),
            Self::Web => Iri::parse(value, Schemes::Web),
            Self::Mail => Iri::mailto(value),
        }
    }
}

impl Catalog {
    /// The catalog's description of the document `id`.
    pub fn dataset(&self, id: &DocumentId) -> Option<&DatasetMetadata> {
        self.datasets.iter().find(|d| &d.document == id)
    }

    /// Every IRI field as (JSON pointer, how it is checked, value).
    pub fn iri_fields(&self) -> Vec<(&'static str, IriField, &str)> {
        let mut fields = vec![
            ("/base_iri", IriField::Base, self.base_iri.as_str()),
            ("/landing_page", IriField::Web, self.landing_page.as_str()),
            ("/publisher/iri", IriField::Web, self.publisher.iri.as_str()),
            (
                "/contact_point/email",
                IriField::Mail,
                self.contact_point.email.as_str(),
            ),
        ];
        if let Some(license) = &self.license {
            fields.push(("/license", IriField::Web, license.as_str()));
        }
        fields
    }

    /// The catalog's IRIs, checked; the first bad one is the error.
    pub fn iris(&self) -> Result<CatalogIris, IriError> {
        Ok(CatalogIris {
            base_iri: Iri::base(&self.base_iri)?,
            landing_page: Iri::web(&self.landing_page)?,
            publisher: Iri::web(&self.publisher.iri)?,
            contact: Iri::mailto(&self.contact_point.email)?,
            license: self.license.as_deref().map(Iri::web).transpose()?,
        })
    }
}

/// A kind of publisher, from the ADMS publisher-type vocabulary
/// (`http://purl.org/adms/publishertype/…`) that DCAT-AP recommends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum PublisherType {
    /// A university or research body.
    #[serde(rename = "Academia-ScientificOrganisation")]
    AcademiaScientificOrganisation,
    /// A company.
    Company,
    /// A consortium of companies.
    IndustryConsortium,
    /// A local authority.
    LocalAuthority,
    /// A national authority.
    NationalAuthority,
    /// A non-governmental organisation.
    NonGovernmentalOrganisation,
    /// A non-profit organisation.
    NonProfitOrganisation,
    /// One or more private persons.
    #[serde(rename = "PrivateIndividual(s)")]
    PrivateIndividuals,
    /// A regional authority.
    RegionalAuthority,
    /// A standardisation body.
    StandardisationBody,
    /// A supranational authority (the UN, the EU, …).
    SupraNationalAuthority,
}

impl PublisherType {
    /// The code and English label of the concept in the vocabulary.
    fn entry(self) -> (&'static str, &'static str) {
        match self {
            Self::AcademiaScientificOrganisation => (
                "Academia-ScientificOrganisation",
                "Academia/Scientific organisation",
            ),
            Self::Company => ("Company", "Company"),
            Self::IndustryConsortium => ("IndustryConsortium", "Industry consortium"),
            Self::LocalAuthority => ("LocalAuthority", "Local authority"),
            Self::NationalAuthority => ("NationalAuthority", "National authority"),
            Self::NonGovernmentalOrganisation => (
                "NonGovernmentalOrganisation",
                "Non-governmental organisation",
            ),
            Self::NonProfitOrganisation => ("NonProfitOrganisation", "Non-profit organisation"),
            Self::PrivateIndividuals => ("PrivateIndividual(s)", "Private individual(s)"),
            Self::RegionalAuthority => ("RegionalAuthority", "Regional authority"),
            Self::StandardisationBody => ("StandardisationBody", "Standardisation body"),
            Self::SupraNationalAuthority => ("SupraNationalAuthority", "Supra-national authority"),
        }
    }

    /// The concept's IRI in the vocabulary.
    pub fn iri(self) -> String {
        format!("http://purl.org/adms/publishertype/{}", self.entry().0)
    }

    /// The concept's English label.
    pub fn label(self) -> &'static str {
        self.entry().1
    }
}

/// A kind of licence, from the ADMS licence-type vocabulary
/// (`http://purl.org/adms/licencetype/…`) that DCAT-AP recommends for a
/// licence's `dct:type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum LicenceType {
    /// Reuse must credit the source.
    Attribution,
    /// No rights are reserved.
    PublicDomain,
    /// Derived works must carry the same licence.
    #[serde(rename = "ViralEffect-ShareAlike")]
    ViralEffectShareAlike,
    /// Share-alike, not compatible with other copyleft licences.
    #[serde(rename = "ShareAlike-NotCompatible")]
    ShareAlikeNotCompatible,
    /// Share-alike with compatibility exceptions.
    #[serde(rename = "ShareAlike-Compatible")]
    ShareAlikeCompatible,
    /// Commercial reuse is not allowed.
    NonCommercialUseOnly,
    /// Derived works are not allowed.
    NoDerivativeWork,
    /// Reuse requires royalties.
    RoyaltiesRequired,
    /// Names, endorsement or official status are reserved.
    #[serde(rename = "ReservedNames-Endorsement-OfficialStatus")]
    ReservedNamesEndorsementOfficialStatus,
    /// Reuse has a nominal cost.
    NominalCost,
    /// Improvements must be granted back.
    GrantBack,
    /// Disputes fall under a jurisdiction within the EU.
    JurisdictionWithinTheEU,
    /// Other restrictive clauses apply.
    OtherRestrictiveClauses,
    /// A known patent encumbers reuse.
    KnownPatentEncumbrance,
    /// The intellectual property rights are unknown.
    #[serde(rename = "UnknownIPR")]
    UnknownIpr,
}

impl LicenceType {
    /// The code and English label of the concept in the vocabulary.
    fn entry(self) -> (&'static str, &'static str) {
        match self {
            Self::Attribution => ("Attribution", "Attribution"),
            Self::PublicDomain => ("PublicDomain", "Public domain"),
            Self::ViralEffectShareAlike => (
                "ViralEffect-ShareAlike",
                "Viral effect (a.k.a. Share-alike)",
            ),
            Self::ShareAlikeNotCompatible => (
                "ShareAlike-NotCompatible",
                "Share-alike / copyleft - not compatible/interoperable with other copyleft licences",
            ),
            Self::ShareAlikeCompatible => (
                "ShareAlike-Compatible",
                "Share-alike / copyleft on source code or with compatibility exceptions for larger work and interoperability",
            ),
            Self::NonCommercialUseOnly => ("NonCommercialUseOnly", "Non-commercial use only"),
            Self::NoDerivativeWork => ("NoDerivativeWork", "No derivative work"),
            Self::RoyaltiesRequired => ("RoyaltiesRequired", "Royalties required"),
            Self::ReservedNamesEndorsementOfficialStatus => (
                "ReservedNames-Endorsement-OfficialStatus",
                "Reserved names / endorsement / official status",
            ),
            Self::NominalCost => ("NominalCost", "Nominal cost"),
            Self::GrantBack => ("GrantBack", "Grant back"),
            Self::JurisdictionWithinTheEU => {
                ("JurisdictionWithinTheEU", "Jurisdiction within the EU")
            }
            Self::OtherRestrictiveClauses => {
                ("OtherRestrictiveClauses", "Other restrictive clauses")
            }
            Self::KnownPatentEncumbrance => ("KnownPatentEncumbrance", "Known patent encumbrance"),
            Self::UnknownIpr => ("UnknownIPR", "Unknown IPR"),
        }
    }

    /// The concept's IRI in the vocabulary.
    pub fn iri(self) -> String {
        format!("http://purl.org/adms/licencetype/{}", self.entry().0)
    }

    /// The concept's English label.
    pub fn label(self) -> &'static str {
        self.entry().1
    }
}
