//! The one-pass reader against the full validator: for any input, both
//! give the same report (every diagnostic, with its position, and the same
//! model), and the one-pass reader accepts exactly the files the full
//! validator finds nothing to say about while reading (no syntax, schema,
//! text, number or duplicate-key finding). See: #20
//!
//! Every committed fixture goes through both, then random mutations of
//! the shipped document and of a translation: strings replaced by hostile
//! ones, numbers by other forms, members dropped, added or repeated, lists
//! emptied or given a repeat.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use initiative::diagnostic::Diagnostic;
use initiative::source::{load, load_bytes};
use initiative::validate::{DOCUMENT_RULES, FileReport, Validator};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// The shipped document, the mutations' starting point.
const DOCUMENT: &str = "data/hangzhou-initiative/document.json";

/// The shipped French translation.
const TRANSLATION: &str = "data/hangzhou-initiative/translations/fr.json";

/// One validator for every case: compiling the schemas is the slow part.
static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| Validator::new().unwrap());

/// The two reports of `bytes` read as the file at `path`.
fn both(validator: &Validator, path: &Path, bytes: &[u8]) -> (FileReport, FileReport) {
    let fast = validator.validate_loaded(load_bytes(path, bytes));
    let full = validator.validate_full(load_bytes(path, bytes));
    (fast, full)
}

/// Whether the full validator found nothing while reading: what it says
/// is only the document rules' (which run on the model either way) or the
/// byte-order-mark warning (which comes before either reader).
fn read_clean(full: &FileReport) -> bool {
    full.diagnostics
        .iter()
        .all(|d| d.code == "byte-order-mark" || DOCUMENT_RULES.iter().any(|r| r.code() == d.code))
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}@{}:{}",
                d.code,
                d.line.unwrap_or(0),
                d.column.unwrap_or(0)
            )
        })
        .collect()
}

/// Asserts both readers agree on `bytes` at `path`; returns whether the
/// one-pass reader took the file.
#[track_caller]
fn assert_agree(validator: &Validator, path: &Path, bytes: &[u8]) -> bool {
    let (fast, full) = both(validator, path, bytes);
    let shown = || {
        String::from_utf8_lossy(bytes)
            .chars()
            .take(400)
            .collect::<String>()
    };
    assert_eq!(
        fast.diagnostics,
        full.diagnostics,
        "{}: {:?} vs {:?}\n{}",
        path.display(),
        codes(&fast.diagnostics),
        codes(&full.diagnostics),
        shown()
    );
    assert_eq!(fast.document, full.document, "{}", path.display());
    assert_eq!(fast.translation, full.translation, "{}", path.display());
    assert_eq!(fast.catalog, full.catalog, "{}", path.display());
    let catalog = path.ends_with("catalog.json");
    assert_eq!(
        fast.one_pass,
        !catalog && read_clean(&full),
        "{}: one pass {} but the full validator found {:?}",
        path.display(),
        fast.one_pass,
        codes(&full.diagnostics)
    );
    fast.one_pass
}

/// Every `.json` file under `dir`, recursively.
fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_committed_fixture_gets_one_report_from_both_readers() {
    let validator = Validator::new().unwrap();
    let mut files = Vec::new();
    for dir in ["data", "tests/fixtures", "tests/hostile"] {
        json_files(Path::new(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 60, "{} files", files.len());
    let mut one_pass = 0;
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        if assert_agree(&validator, path, &bytes) {
            one_pass += 1;
        }
    }
    // The shipped files and the valid fixtures are read in one pass.
    for path in [DOCUMENT, TRANSLATION] {
        let report = validator.validate_loaded(load(Path::new(path)).unwrap());
        assert!(report.one_pass, "{path}");
    }
    assert!(
        one_pass > 20,
        "{one_pass} of {} files in one pass",
        files.len()
    );
}

/// Strings no reader should take lightly: empty, padded, controls,
/// invisible and non-NFC characters, ids and tags near their patterns,
/// impossible dates.
const HOSTILE: &[&str] = &[
    "",
    " x",
    "x ",
    "a\u{0}b",
    "a\u{85}b",
    "e\u{301}",
    "\u{200B}x",
    "x\u{202E}y",
    "\u{FEFF}",
    "\u{FFFD}",
    "a\tb",
    "a  b",
    "1.0",
    "EN",
    "en",
    "zz",
    "en-US",
    "zh-Hant",
    "qqq",
    "2026-02-30",
    "2024-02-29",
    "2026-05-12T25:00:00Z",
    "2026-05-12T22:39:00+08:00",
    "2026-05-12t22:39:00z",
    "sec_0",
    "sec_7__para_3",
    "preamble__para_01",
    "title",
    "CN",
    "cn",
    "x-y",
    "x--y",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "unesco",
    "杭州",
    "draft",
    "reviewed",
    "initiative",
    "organization",
    "restored-space",
];

/// What a mutation does, at a place chosen among those it applies to.
#[derive(Clone, Debug)]
enum Mutation {
    /// Replace a string with one of [`HOSTILE`].
    String(prop::sample::Index, prop::sample::Index),
    /// Replace a short string (an id, a tag, a date, a code: where the
    /// schema's patterns and formats are) with one of [`HOSTILE`].
    Token(prop::sample::Index, prop::sample::Index),
    /// Replace a number with another form or value.
    Number(prop::sample::Index, prop::sample::Index),
    /// Drop a member of an object.
    Drop(prop::sample::Index, prop::sample::Index),
    /// Add a member no schema knows.
    Unknown(prop::sample::Index),
    /// Repeat a member's key, with another value.
    Repeat(prop::sample::Index),
    /// Empty a list, or repeat one of its items.
    List(prop::sample::Index, bool),
    /// Replace any value by `null`, `true` or a number.
    Retype(prop::sample::Index, prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = || any::<prop::sample::Index>();
    prop_oneof![
        2 => (index(), index()).prop_map(|(a, b)| Mutation::String(a, b)),
        4 => (index(), index()).prop_map(|(a, b)| Mutation::Token(a, b)),
        1 => (index(), index()).prop_map(|(a, b)| Mutation::Number(a, b)),
        1 => (index(), index()).prop_map(|(a, b)| Mutation::Drop(a, b)),
        1 => index().prop_map(Mutation::Unknown),
        1 => index().prop_map(Mutation::Repeat),
        1 => (index(), any::<bool>()).prop_map(|(a, b)| Mutation::List(a, b)),
        1 => (index(), index()).prop_map(|(a, b)| Mutation::Retype(a, b)),
    ]
}

/// Every value in `value`, each as a JSON Pointer, depth first.
fn pointers(value: &Value, at: &str, out: &mut Vec<(String, Kind)>) {
    let kind = match value {
        Value::String(s) if s.chars().count() <= 32 => Kind::Token,
        Value::String(_) => Kind::String,
        Value::Number(_) => Kind::Number,
        Value::Object(_) => Kind::Object,
        Value::Array(_) => Kind::Array,
        _ => Kind::Other,
    };
    out.push((at.to_owned(), kind));
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                pointers(v, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Token,
    String,
    Number,
    Object,
    Array,
    Other,
}

/// The place `index` picks among the values of `kind` in `value`.
fn pick(value: &Value, kind: Option<Kind>, index: prop::sample::Index) -> Option<String> {
    let mut all = Vec::new();
    pointers(value, "", &mut all);
    let places: Vec<String> = all
        .into_iter()
        .filter(|(p, k)| {
            let wanted = match kind {
                // Any string, short or long.
                Some(Kind::String) => matches!(k, Kind::String | Kind::Token),
                Some(kind) => *k == kind,
                None => true,
            };
            !p.is_empty() && wanted
        })
        .map(|(p, _)| p)
        .collect();
    (!places.is_empty()).then(|| index.get(&places).clone())
}

/// The key that marks a member to be written twice.
const REPEAT: &str = "\u{1}repeat";

/// Applies `mutation` to `value`.
fn apply(value: &mut Value, mutation: &Mutation) {
    match mutation {
        Mutation::String(at, with) => {
            if let Some(p) = pick(value, Some(Kind::String), *at) {
                *value.pointer_mut(&p).unwrap() = json!(with.get(HOSTILE));
            }
        }
        Mutation::Token(at, with) => {
            if let Some(p) = pick(value, Some(Kind::Token), *at) {
                *value.pointer_mut(&p).unwrap() = json!(with.get(HOSTILE));
            }
        }
        Mutation::Number(at, with) => {
            let forms = [
                json!(0),
                json!(1000),
                json!(-1),
                json!(1.0),
                json!(2),
                json!("1"),
            ];
            if let Some(p) = pick(value, Some(Kind::Number), *at) {
                *value.pointer_mut(&p).unwrap() = with.get(&forms).clone();
            }
        }
        Mutation::Drop(..) | Mutation::Unknown(_) | Mutation::Repeat(_) => {
            apply_to_object(value, mutation);
        }
        Mutation::List(at, empty) => {
            if let Some(p) = pick(value, Some(Kind::Array), *at)
                && let Some(items) = value.pointer_mut(&p).and_then(Value::as_array_mut)
            {
                if *empty {
                    items.clear();
                } else if let Some(first) = items.first().cloned() {
                    items.push(first);
                }
            }
        }
        Mutation::Retype(at, with) => {
            let forms = [Value::Null, json!(true), json!(7)];
            if let Some(p) = pick(value, None, *at) {
                *value.pointer_mut(&p).unwrap() = with.get(&forms).clone();
            }
        }
    }
}

/// Applies a mutation of an object's members to `value`.
fn apply_to_object(value: &mut Value, mutation: &Mutation) {
    match mutation {
        Mutation::Drop(at, which) => {
            if let Some(p) = pick(value, Some(Kind::Object), *at)
                && let Some(map) = value.pointer_mut(&p).and_then(Value::as_object_mut)
                && !map.is_empty()
            {
                let keys: Vec<String> = map.keys().cloned().collect();
                map.shift_remove(which.get(&keys));
            }
        }
        Mutation::Unknown(at) => {
            let p = pick(value, Some(Kind::Object), *at).unwrap_or_default();
            if let Some(map) = value.pointer_mut(&p).and_then(Value::as_object_mut) {
                map.insert("unexpected".into(), json!("x"));
            }
        }
        Mutation::Repeat(at) => {
            let p = pick(value, Some(Kind::Object), *at).unwrap_or_default();
            if let Some(map) = value.pointer_mut(&p).and_then(Value::as_object_mut)
                && let Some(first) = map.keys().next().cloned()
            {
                map.insert(REPEAT.into(), json!({ "key": first, "value": "other" }));
            }
        }
        _ => {}
    }
}

/// `value` as text, each marked member written as a repeat of the key it
/// names.
fn text(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let members: Vec<String> = map
                .iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    (REPEAT, Value::Object(repeat)) => format!(
                        "{}: {}",
                        repeat.get("key").map_or_else(String::new, Value::to_string),
                        repeat
                            .get("value")
                            .map_or_else(String::new, Value::to_string)
                    ),
                    _ => format!("{}: {}", Value::String(k.clone()), text(v)),
                })
                .collect();
            format!("{{\n{}\n}}", members.join(",\n"))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(text).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

fn original(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A small document: the shipped one cut to two preamble paragraphs and
/// two sections, so each case is quick; the mutations reach every kind of
/// member either way.
fn small_document() -> Value {
    let mut document = original(DOCUMENT);
    let cut = |v: &mut Value, n: usize| {
        if let Some(items) = v.as_array_mut() {
            items.truncate(n);
        }
    };
    cut(&mut document["preamble"], 2);
    cut(&mut document["sections"], 2);
    document
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_document_gets_one_report_from_both_readers(
        mutations in prop::collection::vec(mutation(), 1..3)
    ) {
        let validator = &*VALIDATOR;
        let mut value = small_document();
        for m in &mutations {
            apply(&mut value, m);
        }
        assert_agree(validator, Path::new(DOCUMENT), text(&value).as_bytes());
    }

    #[test]
    fn a_mutated_translation_gets_one_report_from_both_readers(
        mutations in prop::collection::vec(mutation(), 1..3)
    ) {
        let validator = &*VALIDATOR;
        let mut value = original(TRANSLATION);
        for m in &mutations {
            apply(&mut value, m);
        }
        assert_agree(validator, Path::new(TRANSLATION), text(&value).as_bytes());
    }
}

#[test]
fn the_mutations_reach_both_readers_verdicts() {
    // A test that only ever saw valid files, or only invalid ones, would
    // prove nothing: each mutation kind is seen here to change the verdict.
    let validator = Validator::new().unwrap();
    let path = Path::new(DOCUMENT);
    let base = small_document();
    assert!(assert_agree(&validator, path, text(&base).as_bytes()));
    let refused = |edit: &dyn Fn(&mut Value)| {
        let mut value = base.clone();
        edit(&mut value);
        !assert_agree(&validator, path, text(&value).as_bytes())
    };
    assert!(refused(&|v| v["adopted"] = json!("2026-02-30")));
    assert!(refused(&|v| v["title"]["en"] = json!("e\u{301}")));
    assert!(refused(&|v| v["sections"][0]["number"] = json!(1.0)));
    assert!(refused(&|v| v["languages"] = json!(["en", "en"])));
    assert!(refused(&|v| v["place"]["country"] = json!("cn")));
    assert!(refused(&|v| {
        v.as_object_mut().unwrap().shift_remove("issuer");
    }));
    assert!(refused(&|v| v["unexpected"] = json!(1)));
    assert!(refused(&|v| {
        v["title"][REPEAT] = json!({ "key": "en", "value": "Other" });
    }));
    let mut map = Map::new();
    map.insert("zz".into(), json!("x"));
    assert!(refused(&|v| v["title"] = Value::Object(map.clone())));
}

#[test]
fn every_hostile_token_in_every_kind_of_place_gets_one_report_from_both_readers() {
    // Where the schema's patterns and formats are (ids, tags, dates,
    // codes), every hostile string, in one place of each kind: the
    // `n`th item of a list stands for all of them.
    for (path, value) in [
        (DOCUMENT, small_document()),
        (TRANSLATION, original(TRANSLATION)),
    ] {
        let mut all = Vec::new();
        pointers(&value, "", &mut all);
        let mut kinds: Vec<String> = Vec::new();
        for (pointer, kind) in all {
            let general: String = pointer
                .split('/')
                .map(|s| if s.parse::<usize>().is_ok() { "n" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            if kind != Kind::Token || kinds.contains(&general) {
                continue;
            }
            kinds.push(general);
            for hostile in HOSTILE {
                let mut mutated = value.clone();
                *mutated.pointer_mut(&pointer).unwrap() = json!(hostile);
                assert_agree(&VALIDATOR, Path::new(path), text(&mutated).as_bytes());
            }
        }
        assert!(kinds.len() >= 10, "{path}: {kinds:?}");
    }
}
