//! Defines `Place`, where a document was adopted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::LocalizedText;

/// The pattern of a country code: ISO 3166-1 alpha-2, upper case. The JSON
/// Schema and the XSD both state it.
pub const COUNTRY_PATTERN: &str = "^[A-Z]{2}$";

/// A place: a city or venue and the country it is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place's name, in the languages the publication gives it.
    pub name: LocalizedText,
    /// The country, as an ISO 3166-1 alpha-2 code (`CN`).
    #[schemars(regex(pattern = COUNTRY_PATTERN))]
    pub country: String,
}

/// ISO 3166-1: each alpha-2 code followed by its alpha-3 code, which the
/// EU country authority table uses for the same country (`CNCHN`).
const ALPHA3: &[&str] = &[
    "ADAND", "AEARE", "AFAFG", "AGATG", "AIAIA", "ALALB", "AMARM", "AOAGO", "AQATA", "ARARG",
    "ASASM", "ATAUT", "AUAUS", "AWABW", "AXALA", "AZAZE", "BABIH", "BBBRB", "BDBGD", "BEBEL",
    "BFBFA", "BGBGR", "BHBHR", "BIBDI", "BJBEN", "BLBLM", "BMBMU", "BNBRN", "BOBOL", "BQBES",
    "BRBRA", "BSBHS", "BTBTN", "BVBVT", "BWBWA", "BYBLR", "BZBLZ", "CACAN", "CCCCK", "CDCOD",
    "CFCAF", "CGCOG", "CHCHE", "CICIV", "CKCOK", "CLCHL", "CMCMR", "CNCHN", "COCOL", "CRCRI",
    "CUCUB", "CVCPV", "CWCUW", "CXCXR", "CYCYP", "CZCZE", "DEDEU", "DJDJI", "DKDNK", "DMDMA",
    "DODOM", "DZDZA", "ECECU", "EEEST", "EGEGY", "EHESH", "ERERI", "ESESP", "ETETH", "FIFIN",
    "FJFJI", "FKFLK", "FMFSM", "FOFRO", "FRFRA", "GAGAB", "GBGBR", "GDGRD", "GEGEO", "GFGUF",
    "GGGGY", "GHGHA", "GIGIB", "GLGRL", "GMGMB", "GNGIN", "GPGLP", "GQGNQ", "GRGRC", "GSSGS",
    "GTGTM", "GUGUM", "GWGNB", "GYGUY", "HKHKG", "HMHMD", "HNHND", "HRHRV", "HTHTI", "HUHUN",
    "IDIDN", "IEIRL", "ILISR", "IMIMN", "ININD", "IOIOT", "IQIRQ", "IRIRN", "ISISL", "ITITA",
    "JEJEY", "JMJAM", "JOJOR", "JPJPN", "KEKEN", "KGKGZ", "KHKHM", "KIKIR", "KMCOM", "KNKNA",
    "KPPRK", "KRKOR", "KWKWT", "KYCYM", "KZKAZ", "LALAO", "LBLBN", "LCLCA", "LILIE", "LKLKA",
    "LRLBR", "LSLSO", "LTLTU", "LULUX", "LVLVA", "LYLBY", "MAMAR", "MCMCO", "MDMDA", "MEMNE",
    "MFMAF", "MGMDG", "MHMHL", "MKMKD", "MLMLI", "MMMMR", "MNMNG", "MOMAC", "MPMNP", "MQMTQ",
    "MRMRT", "MSMSR", "MTMLT", "MUMUS", "MVMDV", "MWMWI", "MXMEX", "MYMYS", "MZMOZ", "NANAM",
    "NCNCL", "NENER", "NFNFK", "NGNGA", "NINIC", "NLNLD", "NONOR", "NPNPL", "NRNRU", "NUNIU",
    "NZNZL", "OMOMN", "PAPAN", "PEPER", "PFPYF", "PGPNG", "PHPHL", "PKPAK", "PLPOL", "PMSPM",
    "PNPCN", "PRPRI", "PSPSE", "PTPRT", "PWPLW", "PYPRY", "QAQAT", "REREU", "ROROU", "RSSRB",
    "RURUS", "RWRWA", "SASAU", "SBSLB", "SCSYC", "SDSDN", "SESWE", "SGSGP", "SHSHN", "SISVN",
    "SJSJM", "SKSVK", "SLSLE", "SMSMR", "SNSEN", "SOSOM", "SRSUR", "SSSSD", "STSTP", "SVSLV",
    "SXSXM", "SYSYR", "SZSWZ", "TCTCA", "TDTCD", "TFATF", "TGTGO", "THTHA", "TJTJK", "TKTKL",
    "TLTLS", "TMTKM", "TNTUN", "TOTON", "TRTUR", "TTTTO", "TVTUV", "TWTWN", "TZTZA", "UAUKR",
    "UGUGA", "UMUMI", "USUSA", "UYURY", "UZUZB", "VAVAT", "VCVCT", "VEVEN", "VGVGB", "VIVIR",
    "VNVNM", "VUVUT", "WFWLF", "WSWSM", "YEYEM", "YTMYT", "ZAZAF", "ZMZMB", "ZWZWE",
];

/// The ISO 3166-1 alpha-3 code of the alpha-2 code `country` (`CN` →
/// `CHN`), or `None` for a code ISO 3166-1 does not assign.
pub fn country_alpha3(country: &str) -> Option<&'static str> {
    ALPHA3
        .iter()
        .find(|pair| pair.get(..2) == Some(country))
        .and_then(|pair| pair.get(2..))
}

#[cfg(test)]
mod tests {
    use super::country_alpha3;

    #[test]
    fn alpha2_codes_map_to_alpha3() {
        assert_eq!(country_alpha3("CN"), Some("CHN"));
        assert_eq!(country_alpha3("FR"), Some("FRA"));
        assert_eq!(country_alpha3("ZW"), Some("ZWE"));
        assert_eq!(country_alpha3("XX"), None);
    }
}
