//! Defines `Catalog`, the publisher's record of the exports as a dataset
//! catalog (`data/catalog.json`): who publishes them, under which IRI and
//! licence, whom to contact, and how to describe each document's dataset.
//! None of it comes from the source text; the DCAT-AP export is built from
//! it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, DocumentId, LocalizedText};

/// The catalog of everything the exports publish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The schema this file follows (`../schema/catalog.schema.json`).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The absolute IRI the exports are published under, ending in `/`.
    /// `--base-iri` overrides it for one run.
    #[schemars(regex(pattern = r"^https?://[^\s/]+(/[^\s]*)?/$"))]
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
    /// How long the files stay at their addresses (`STABLE`, `AVAILABLE`,
    /// `EXPERIMENTAL`, `TEMPORARY`). Only the publisher knows it; while unset,
    /// the `catalog-recommended` rule warns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
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

impl Catalog {
    /// The catalog's description of the document `id`.
    pub fn dataset(&self, id: &DocumentId) -> Option<&DatasetMetadata> {
        self.datasets.iter().find(|d| &d.document == id)
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
