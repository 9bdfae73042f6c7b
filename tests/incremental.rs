//! `build` with its cache (`.initiative/cache/`): after any sequence of
//! edits, an incremental build gives byte for byte what a clean build of
//! the same inputs gives, and a build with nothing changed answers from
//! the cache. A cache that cannot be trusted is ignored.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;

use crate::harness::{Run, Test, copy_dir, read_tree};

const DOCUMENT: &str = "data/hangzhou-initiative/document.json";
const TRANSLATION: &str = "data/hangzhou-initiative/translations/fr.json";
const CATALOG: &str = "data/catalog.json";
const MANIFEST: &str = ".initiative/cache/build.json";

/// One change a user makes between two builds.
#[derive(Clone, Copy, Debug)]
enum Edit {
    /// The English text of a preamble paragraph.
    Paragraph,
    /// A unit of the French translation.
    Translation,
    /// The catalog's title.
    Catalog,
    /// A new document, copied from the shipped one, with its catalog entry.
    NewDocument,
    /// The newest copied document removed, with its catalog entry.
    DeleteDocument,
    /// `--base-iri` set or unset.
    BaseIri,
    /// `--csv-bom` on or off.
    CsvBom,
    /// `--include-drafts` on or off.
    Drafts,
    /// `SOURCE_DATE_EPOCH` set, changed or unset.
    SourceDate,
}

const EDITS: [Edit; 9] = [
    Edit::Paragraph,
    Edit::Translation,
    Edit::Catalog,
    Edit::NewDocument,
    Edit::DeleteDocument,
    Edit::BaseIri,
    Edit::CsvBom,
    Edit::Drafts,
    Edit::SourceDate,
];

/// A project and the options its builds run with.
struct Project {
    test: Test,
    base_iri: Option<String>,
    csv_bom: bool,
    drafts: bool,
    source_date: Option<String>,
    copies: Vec<String>,
    step: usize,
}

impl Project {
    fn new() -> Self {
        Self {
            test: Test::scratch_repo(),
            base_iri: None,
            csv_bom: false,
            drafts: false,
            source_date: None,
            copies: Vec::new(),
            step: 0,
        }
    }

    fn apply(&mut self, edit: Edit) {
        self.step += 1;
        let n = self.step;
        // Words, not digits: a number in one language and not the other
        // is an error, and every edit keeps the data valid.
        let word = word(n);
        match edit {
            Edit::Paragraph => edit_json(self.test.dir(), DOCUMENT, |d| {
                append(
                    &mut d["preamble"][0]["text"]["en"],
                    &format!(" Edited {word}."),
                );
            }),
            Edit::Translation => edit_json(self.test.dir(), TRANSLATION, |t| {
                append(&mut t["units"]["title"]["translation"], &format!(" {word}"));
            }),
            Edit::Catalog => edit_json(self.test.dir(), CATALOG, |c| {
                append(&mut c["title"]["en"], &format!(" {word}"));
            }),
            Edit::NewDocument => self.add_document(&format!("copy-{n}")),
            Edit::DeleteDocument => self.delete_document(),
            Edit::BaseIri => {
                self.base_iri = match self.base_iri {
                    None => Some(format!("https://data.example.net/{n}/")),
                    Some(_) => None,
                };
            }
            Edit::CsvBom => self.csv_bom = !self.csv_bom,
            Edit::Drafts => self.drafts = !self.drafts,
            Edit::SourceDate => {
                self.source_date = match self.source_date {
                    Some(_) if n.is_multiple_of(2) => None,
                    _ => Some(format!("{}", 1_780_000_000 + n * 86_400)),
                };
            }
        }
    }

    fn add_document(&mut self, id: &str) {
        let dir = self.test.dir();
        copy_dir(
            &dir.join("data/hangzhou-initiative"),
            &dir.join("data").join(id),
        );
        edit_json(dir, &format!("data/{id}/document.json"), |d| {
            d["id"] = id.into();
        });
        edit_json(dir, &format!("data/{id}/translations/fr.json"), |t| {
            t["document"] = id.into();
        });
        edit_json(dir, CATALOG, |c| {
            let mut entry = c["datasets"][0].clone();
            entry["document"] = id.into();
            c["datasets"].as_array_mut().expect("datasets").push(entry);
        });
        self.copies.push(id.to_owned());
    }

    fn delete_document(&mut self) {
        let Some(id) = self.copies.pop() else {
            return;
        };
        let dir = self.test.dir();
        std::fs::remove_dir_all(dir.join("data").join(&id)).expect("remove");
        edit_json(dir, CATALOG, |c| {
            c["datasets"]
                .as_array_mut()
                .expect("datasets")
                .retain(|e| e["document"] != id.as_str());
        });
    }

    /// The build's arguments (after `extra`) and environment.
    fn run(&self, dir: &Path, extra: &[&str]) -> Run {
        let mut args: Vec<String> = ["build", "--message-format", "json"]
            .iter()
            .chain(extra)
            .map(|a| (*a).to_owned())
            .collect();
        if let Some(iri) = &self.base_iri {
            args.extend(["--base-iri".to_owned(), iri.clone()]);
        }
        if self.csv_bom {
            args.push("--csv-bom".into());
        }
        if self.drafts {
            args.push("--include-drafts".into());
        }
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_initiative"));
        command.args(&args).current_dir(dir);
        match &self.source_date {
            Some(date) => command.env("SOURCE_DATE_EPOCH", date),
            None => command.env_remove("SOURCE_DATE_EPOCH"),
        };
        let output = command.output().expect("run initiative");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Builds incrementally and from clean, and asserts they agree; then
    /// asserts a second build finds nothing changed (when cached).
    fn build_and_compare(&self) {
        let incremental = self.run(self.test.dir(), &[]);
        let clean = Test::scratch();
        for dir in ["data", "schema"] {
            copy_dir(&self.test.dir().join(dir), &clean.dir().join(dir));
        }
        let fresh = self.run(clean.dir(), &[]);
        // Every edit keeps the data valid, so every step compares exports.
        assert_eq!(incremental.code, 0, "{}", incremental.stdout);
        assert_eq!(fresh.code, 0, "{}", fresh.stdout);
        assert_eq!(incremental.stdout, fresh.stdout);
        let exports = read_tree(&self.test.dir().join("exports"));
        assert!(
            exports == read_tree(&clean.dir().join("exports")),
            "the incremental build's exports differ from a clean build's"
        );
        let again = self.run(self.test.dir(), &["--verbose"]);
        assert_eq!(again.code, 0, "{}", again.stderr);
        assert_eq!(
            again.stdout, fresh.stdout,
            "a cached build reports the same"
        );
        let cached = again
            .stderr
            .contains("nothing changed since the last build");
        assert_eq!(cached, self.base_iri.is_none(), "{}", again.stderr);
        assert!(exports == read_tree(&self.test.dir().join("exports")));
    }
}

fn edit_json(dir: &Path, path: &str, edit: impl FnOnce(&mut Value)) {
    let path = dir.join(path);
    let mut value: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    edit(&mut value);
    let text = serde_json::to_string_pretty(&value).expect("json");
    std::fs::write(&path, text).expect("write");
}

/// `n` spelt in letters (`12` is `bc`).
fn word(n: usize) -> String {
    n.to_string()
        .bytes()
        .map(|d| char::from(b'a' + (d - b'0')))
        .collect()
}

fn append(value: &mut Value, suffix: &str) {
    let text = value.as_str().expect("a text").to_owned();
    *value = Value::String(text + suffix);
}

#[test]
fn every_kind_of_edit_in_turn_builds_what_a_clean_build_does() {
    let mut project = Project::new();
    project.build_and_compare();
    for edit in EDITS.iter().chain(&EDITS) {
        project.apply(*edit);
        project.build_and_compare();
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 6,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_edits_build_what_a_clean_build_does(
        edits in prop::collection::vec(prop::sample::select(EDITS.to_vec()), 1..8),
    ) {
        let mut project = Project::new();
        project.build_and_compare();
        for edit in edits {
            project.apply(edit);
            project.build_and_compare();
        }
    }
}

/// A project built once, with its cache recorded, and the tree it exported.
fn built() -> (
    Test,
    std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>,
) {
    let test = Test::scratch_repo().args(&["build", "--verbose"]);
    let run = test.run().code(0);
    assert!(
        run.stderr.contains("build cache: recorded"),
        "{}",
        run.stderr
    );
    let exports = read_tree(&test.dir().join("exports"));
    (test, exports)
}

/// Asserts a build ignores the cache for `reason`, gives the same exports,
/// and records a cache the next build trusts.
fn falls_back(
    test: &Test,
    exports: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>,
    reason: &str,
) {
    let run = test.run().code(0);
    assert!(
        run.stderr
            .contains(&format!("build cache: full build: {reason}")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("build cache: recorded"),
        "{}",
        run.stderr
    );
    assert!(exports == &read_tree(&test.dir().join("exports")));
    let again = test.run().code(0);
    assert!(
        again
            .stderr
            .contains("nothing changed since the last build"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_corrupt_cache_is_ignored() {
    let (test, exports) = built();
    std::fs::write(
        test.dir().join(MANIFEST),
        "{\"layout\": 1, \"key\": nonsense",
    )
    .expect("write");
    falls_back(
        &test,
        &exports,
        ".initiative/cache/build.json cannot be read",
    );
}

#[test]
fn a_truncated_cache_is_ignored() {
    let (test, exports) = built();
    let path = test.dir().join(MANIFEST);
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("write");
    falls_back(
        &test,
        &exports,
        ".initiative/cache/build.json cannot be read",
    );
}

#[test]
fn a_cache_of_another_tool_version_is_ignored() {
    let (test, exports) = built();
    edit_json(test.dir(), MANIFEST, |m| {
        m["key"]["tool"] = "initiative 0.0.1 (1 bytes, modified 0)".into();
    });
    falls_back(
        &test,
        &exports,
        ".initiative/cache/build.json was written by another build of the tool (initiative 0.0.1",
    );
}

#[test]
fn a_cache_of_other_options_or_layout_is_ignored() {
    let (test, exports) = built();
    edit_json(test.dir(), MANIFEST, |m| {
        m["key"]["options"]["csv-bom"] = "true".into();
    });
    falls_back(&test, &exports, "the last build ran with other options");
    edit_json(test.dir(), MANIFEST, |m| m["layout"] = 0.into());
    falls_back(
        &test,
        &exports,
        ".initiative/cache/build.json has another layout",
    );
}

#[test]
fn a_cache_that_lies_about_the_data_is_found_out() {
    // The recorded hash of the catalog no longer fits; its time is not
    // trusted this soon after it was written, so it is read again.
    let (test, exports) = built();
    edit_json(test.dir(), MANIFEST, |m| {
        for entry in m["inputs"].as_array_mut().expect("inputs") {
            entry["sha256"] = "0".repeat(64).into();
        }
    });
    falls_back(&test, &exports, "data/ changed since the last build");
}

#[test]
fn a_hand_edited_export_is_reported_by_check_with_a_warm_cache() {
    let (test, exports) = built();
    let before = read_tree(test.dir());
    let path = test.dir().join("exports/json/hangzhou-initiative.json");
    let mut bytes = std::fs::read(&path).expect("read");
    // The same size: only the time and the bytes tell.
    let last = bytes.len() - 2;
    bytes[last] = b' ';
    std::fs::write(&path, &bytes).expect("write");
    let run = test.run_with(&["build", "--check", "--verbose"]).code(1);
    assert!(
        run.stderr
            .contains("build cache: full build: exports/ changed since the last build"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("exports/json/hangzhou-initiative.json: stale"),
        "{}",
        run.stdout
    );
    // The check wrote nothing, the cache included.
    let after = read_tree(test.dir());
    let mut expected = before;
    expected.insert("exports/json/hangzhou-initiative.json".into(), bytes);
    assert!(after == expected, "build --check changed files");
    // A build puts it right.
    test.run().code(0);
    assert!(exports == read_tree(&test.dir().join("exports")));
}

#[test]
fn check_with_a_warm_cache_reads_it_and_writes_nothing() {
    let (test, _) = built();
    // Once the recently written files have been read again and their times
    // kept, a check has nothing to write even in principle.
    test.run().code(0);
    let before = read_tree(test.dir());
    let run = test.run_with(&["build", "--check", "--verbose"]).code(0);
    assert!(
        run.stderr.contains("nothing changed since the last build"),
        "{}",
        run.stderr
    );
    assert!(before == read_tree(test.dir()));
}

#[test]
fn no_cache_builds_everything_and_records_anew() {
    let (test, exports) = built();
    let run = test.run_with(&["build", "--no-cache", "--verbose"]).code(0);
    assert!(!run.stderr.contains("nothing changed"), "{}", run.stderr);
    assert!(
        run.stderr.contains("build cache: recorded"),
        "{}",
        run.stderr
    );
    assert!(exports == read_tree(&test.dir().join("exports")));
}

#[test]
fn the_cache_folder_keeps_itself_out_of_git_and_backups() {
    let (test, _) = built();
    let folder = test.dir().join(".initiative/cache");
    assert_eq!(
        std::fs::read_to_string(folder.join(".gitignore")).expect("read"),
        "# The build cache of `initiative build`: never commit or publish it.\n*\n"
    );
    let tag = std::fs::read_to_string(folder.join("CACHEDIR.TAG")).expect("read");
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"));
    assert!(!test.dir().join("exports/.initiative").exists());
}

#[cfg(unix)]
#[test]
fn a_linked_cache_folder_is_not_written_through() {
    let test = Test::scratch_repo().args(&["build", "--verbose"]);
    let elsewhere = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(elsewhere.path(), test.dir().join(".initiative")).expect("link");
    let run = test.run().code(0);
    assert!(
        run.stderr
            .contains("the build cache is not kept: .initiative is a symbolic link, not a folder"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).expect("read").count(),
        0
    );
}

/// Asserts a cached run of `args` says and exits exactly what a run
/// without the cache does.
fn agrees_with_no_cache(test: &Test, args: &[&str]) -> Run {
    let cached = test.run_with(args);
    let mut plain: Vec<&str> = args.to_vec();
    plain.push("--no-cache");
    // The check first, so the cached run above saw what it sees.
    let uncached = test.run_with(&plain);
    assert_eq!(
        cached.code, uncached.code,
        "{}\n{}",
        cached.stderr, uncached.stderr
    );
    assert_eq!(cached.stdout, uncached.stdout);
    assert_eq!(cached.stderr, uncached.stderr);
    cached
}

#[test]
fn a_folder_named_like_a_data_file_is_seen() {
    let (test, _) = built();
    std::fs::create_dir(
        test.dir()
            .join("data/hangzhou-initiative/translations/de.json"),
    )
    .expect("mkdir");
    let run = agrees_with_no_cache(&test, &["build", "--check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn an_exports_link_is_refused_as_a_full_build_refuses_it() {
    let (test, _) = built();
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let moved = elsewhere.path().join("exports");
    std::fs::rename(test.dir().join("exports"), &moved).expect("move");
    std::os::unix::fs::symlink(&moved, test.dir().join("exports")).expect("link");
    let run = agrees_with_no_cache(&test, &["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
}

#[test]
fn an_edit_given_back_its_old_time_is_seen() {
    let (test, _) = built();
    // Past the two seconds within which a recorded time is not trusted,
    // so the cache takes unchanged times at their word.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    test.run().code(0);
    let path = test.dir().join(CATALOG);
    let before = std::fs::metadata(&path).expect("stat");
    let catalog = std::fs::read_to_string(&path).expect("read");
    // The same size: one placeholder address for another.
    let edited = catalog.replace("open-data@example.org", "open-data@example.net");
    assert_eq!(edited.len(), catalog.len());
    std::fs::write(&path, edited).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(before.modified().expect("mtime")))
        .expect("set the old time");
    let run = test.run_with(&["build", "--check", "--verbose"]);
    assert!(
        run.stderr
            .contains("build cache: full build: data/ changed"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.code, 1,
        "the exports name the old address: {}",
        run.stdout
    );
    agrees_with_no_cache(&test, &["build", "--check"]);
}

#[test]
fn findings_that_do_not_fit_their_text_are_not_shown_on_it() {
    let (test, _) = built();
    edit_json(test.dir(), MANIFEST, |m| {
        for finding in m["findings"].as_array_mut().expect("findings") {
            finding["offset"] = 1_000_000_000_000_u64.into();
        }
    });
    let run = test.run_with(&["build", "--check", "--verbose"]).code(0);
    assert!(
        run.stderr.contains(
            "build cache: full build: a file with findings is not what the last build read"
        ),
        "{}",
        run.stderr
    );
    agrees_with_no_cache(&test, &["build", "--check"]);
}

#[test]
fn an_oversized_cache_is_not_read() {
    let (test, exports) = built();
    let file = std::fs::File::options()
        .write(true)
        .open(test.dir().join(MANIFEST))
        .expect("open");
    // Sparse: nothing is written, but the file says 300 MiB.
    file.set_len(300 << 20).expect("grow");
    falls_back(
        &test,
        &exports,
        "cannot read .initiative/cache/build.json: larger than",
    );
}
