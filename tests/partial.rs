//! Partial exports never delete: `export --format X` writes X and the
//! formats that describe it, leaves every other file byte for byte as it
//! was, and its `SHA256SUMS` checks out in the folder it wrote, whatever
//! the selection. A format defined outside the library shows up in DCAT,
//! the checksums and the reading page with one line. See: #14

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use initiative::export::{
    Context, DocumentFormat, Error, ExportPath, FileInfo, FileMeta, Format, Output, OutputFile,
    Scope, render_with, sha256_hex, shipped_formats,
};
use initiative::model::Document;

use crate::harness::{Test, copy_dir, read_tree, repo, shipped};

/// The paths each shipped format owns, and the formats a run of it writes
/// (the ones that describe it: the reading page, DCAT, the checksums).
const FORMATS: &[(&str, &[&str], &[&str])] = &[
    (
        "json",
        &["json/"],
        &["json", "jsonld", "html", "dcat", "sums"],
    ),
    (
        "csv",
        &["csv/", "datapackage.json"],
        &["csv", "jsonld", "html", "dcat", "sums"],
    ),
    ("xml", &["xml/"], &["xml", "jsonld", "html", "dcat", "sums"]),
    ("jsonld", &["jsonld/"], &["jsonld", "html", "dcat", "sums"]),
    ("akn", &["akn/"], &["akn", "jsonld", "html", "dcat", "sums"]),
    ("html", &["html/"], &["html", "dcat", "sums"]),
    ("dcat", &["dcat/"], &["dcat", "sums"]),
    ("sums", &["SHA256SUMS"], &["sums"]),
];

/// The formats `selection` writes.
fn closure(selection: &str) -> Vec<&'static str> {
    let mut written: Vec<&str> = selection
        .split(',')
        .flat_map(|name| {
            FORMATS
                .iter()
                .find(|(n, ..)| *n == name)
                .map_or(&[][..], |f| f.2)
        })
        .copied()
        .collect();
    written.sort_unstable();
    written.dedup();
    written
}

/// Whether `path` belongs to one of `formats`.
fn written_by(path: &Path, formats: &[&str]) -> bool {
    let path = path.to_string_lossy().replace('\\', "/");
    FORMATS
        .iter()
        .filter(|(name, ..)| formats.contains(name))
        .flat_map(|(_, owns, _)| owns.iter())
        .any(|own| path == *own || (own.ends_with('/') && path.starts_with(own)))
}

/// Asserts that every line of `SHA256SUMS` in `dir` names a file there
/// with that hash, as `sha256sum -c` would.
#[track_caller]
fn sums_check_out(dir: &Path) {
    let files = read_tree(dir);
    let sums = String::from_utf8_lossy(&files[Path::new("SHA256SUMS")]).into_owned();
    assert!(!sums.is_empty());
    for line in sums.lines() {
        let (hash, path) = line.split_once("  ").unwrap_or_else(|| panic!("{line}"));
        let bytes = files.get(Path::new(path)).unwrap_or_else(|| {
            panic!("SHA256SUMS lists {path}, which is not in {}", dir.display())
        });
        assert_eq!(sha256_hex(bytes), hash, "{path}");
    }
}

/// A scratch project with a copy of the committed exports.
fn project() -> Test {
    let test = Test::scratch_repo();
    copy_dir(&repo().join("exports"), &test.dir().join("exports"));
    test
}

const SELECTIONS: &[&str] = &[
    "json",
    "csv",
    "xml",
    "jsonld",
    "akn",
    "html",
    "dcat",
    "sums",
    "json,sums",
    "csv,dcat",
];

#[test]
fn a_partial_export_of_unchanged_data_changes_nothing_and_its_sums_check_out() {
    let test = project();
    let exports = test.dir().join("exports");
    let before = read_tree(&exports);
    for selection in SELECTIONS {
        test.run_with(&["export", "--format", selection, "-q"])
            .code(0);
        assert!(read_tree(&exports) == before, "--format {selection}");
        sums_check_out(&exports);
    }
}

#[test]
fn a_partial_export_after_an_edit_rewrites_its_closure_and_nothing_else() {
    let edited = project();
    let path = edited.dir().join("data/hangzhou-initiative/document.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "We advocate the people-oriented",
        "We champion the people-oriented",
    );
    std::fs::write(&path, text).unwrap();
    let full = edited.dir().join("full");
    edited.run_with(&["export", "--out", "full", "-q"]).code(0);
    let rebuilt = read_tree(&full);
    let committed = read_tree(&repo().join("exports"));
    for selection in SELECTIONS {
        let exports = edited.dir().join("exports");
        std::fs::remove_dir_all(&exports).unwrap();
        copy_dir(&repo().join("exports"), &exports);
        edited
            .run_with(&["export", "--format", selection, "-q"])
            .code(0);
        let after = read_tree(&exports);
        let written = closure(selection);
        for (file, bytes) in &committed {
            if !written_by(file, &written) {
                assert!(
                    after.get(file) == Some(bytes),
                    "--format {selection} changed {}",
                    file.display()
                );
            }
        }
        // The formats asked for are now what the edited data gives.
        for (file, bytes) in &rebuilt {
            if written_by(file, &selection.split(',').collect::<Vec<_>>())
                && !written_by(file, &["html", "dcat", "sums"])
            {
                assert!(
                    after.get(file) == Some(bytes),
                    "--format {selection}: {}",
                    file.display()
                );
            }
        }
        sums_check_out(&exports);
    }
}

#[test]
fn into_an_empty_folder_the_sums_and_the_record_list_only_what_is_there() {
    let test = project();
    for selection in ["json,sums", "csv,dcat", "akn"] {
        let out = format!("out-{}", selection.replace(',', "-"));
        test.run_with(&["export", "--format", selection, "--out", &out, "-q"])
            .code(0);
        let dir = test.dir().join(&out);
        let files = read_tree(&dir);
        let written = closure(selection);
        assert!(
            files.keys().all(|f| written_by(f, &written)),
            "{selection}: {:?}",
            files.keys()
        );
        sums_check_out(&dir);
        let record = String::from_utf8_lossy(&files[Path::new("dcat/catalog.ttl")]).into_owned();
        for line in record
            .lines()
            .filter(|l| l.trim_start().starts_with("dcat:downloadURL"))
        {
            let path = line
                .split_once("/initiative/")
                .and_then(|(_, rest)| rest.split_once('>'))
                .map_or("", |(path, _)| path);
            assert!(
                files.contains_key(Path::new(path)),
                "{selection}: DCAT lists {path}"
            );
        }
    }
}

#[test]
fn flags_that_would_make_a_mixed_tree_are_refused() {
    let test = project();
    let before = read_tree(&test.dir().join("exports"));
    test.run_with(&["export", "--format", "json", "--base-iri", "https://opendata.portal.cn/x/"])
        .code(2)
        .stderr("initiative: error: --base-iri with --format json into exports: the formats this run leaves as they are would disagree with the ones it writes; run without --format, or into an empty --out\n");
    test.run_with(&["export", "--format", "xml", "--csv-bom"])
        .code(2);
    test.run_with(&["export", "--format", "csv", "--csv-bom", "-q"])
        .code(0);
    let after = read_tree(&test.dir().join("exports"));
    assert!(after[Path::new("csv/units.csv")].starts_with(b"\xEF\xBB\xBF"));
    assert!(
        after[Path::new("json/hangzhou-initiative.json")]
            == before[Path::new("json/hangzhou-initiative.json")]
    );
    sums_check_out(&test.dir().join("exports"));
}

/// Every file the shipped formats and `extra` (run first when `first`,
/// else last) make of the shipped document, by path.
fn render_shipped_with(extra: &'static dyn Format, first: bool) -> BTreeMap<PathBuf, Vec<u8>> {
    let (document, catalog) = shipped();
    let context = Context {
        catalog: Some(&catalog),
        base_iri: &initiative::model::Iri::base(&catalog.base_iri).unwrap(),
        csv_bom: false,
        csv_excel_safe: false,
        created: None,
    };
    let mut registry = shipped_formats();
    registry.insert(if first { 0 } else { registry.len() }, extra);
    render_with(&registry, &context, &[document], &[])
        .unwrap()
        .into_iter()
        .map(|f| (f.path.to_path_buf(), f.bytes))
        .collect()
}

/// A format of the test's own: each document's title in English, as plain
/// text.
struct Title;

impl DocumentFormat for Title {
    fn name(&self) -> &'static str {
        "title"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["title/"]
    }

    fn document(
        &self,
        _: &Context<'_>,
        document: &Document,
        _: &[FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let id = document.id.to_string();
        let english = initiative::model::Language::new("en");
        let title = document.title.get(&english).unwrap_or_default();
        let info = FileInfo::new(
            "title",
            ("text/plain", "TXT"),
            Scope::Document(id.clone()),
            "The title in English.",
        );
        Ok(vec![Output::File(OutputFile::new(
            ExportPath::new(&format!("title/{id}.txt"))?,
            format!("{title}\n").into_bytes(),
            info,
        ))])
    }
}

#[test]
fn a_format_of_ones_own_is_registered_with_one_line_and_described_everywhere() {
    let files = render_shipped_with(&Title, false);
    let text = |path: &str| String::from_utf8_lossy(&files[Path::new(path)]).into_owned();
    assert_eq!(
        text("title/hangzhou-initiative.txt"),
        "Hangzhou Initiative on AI and Education\n"
    );
    let hash = sha256_hex(&files[Path::new("title/hangzhou-initiative.txt")]);
    assert!(text("SHA256SUMS").contains(&format!("{hash}  title/hangzhou-initiative.txt\n")));
    let record = text("dcat/catalog.ttl");
    assert!(record.contains("dcat:distribution <https://example.org/initiative/distributions/title/hangzhou-initiative.txt>"));
    assert!(record.contains("dct:description \"The title in English.\"@en ;\n    dcat:accessURL <https://example.org/initiative/title/hangzhou-initiative.txt> ;"));
    assert!(
        record.contains("dcat:mediaType <http://www.iana.org/assignments/media-types/text/plain>")
    );
    let page = text("html/hangzhou-initiative.html");
    assert!(page.contains(&format!(
        "<tr><td><a href=\"../title/hangzhou-initiative.txt\">title/hangzhou-initiative.txt</a></td><td>text/plain<br><small>The title in English.</small></td><td>40</td><td><code>{hash}</code></td></tr>"
    )));
    // Every shipped file is as the committed exports have it.
    for (path, bytes) in read_tree(&repo().join("exports")) {
        let unchanged =
            path.starts_with("json") || path.starts_with("csv") || path.starts_with("xml");
        if unchanged {
            assert!(files.get(&path) == Some(&bytes), "{}", path.display());
        }
    }
}

/// The bytes [`Spooled`] hands over: two blocks of the runner's reading
/// and a little more, none of them alike in a row.
fn spooled_bytes() -> Vec<u8> {
    (0..(2u32 << 20) + 17)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect()
}

/// Where [`Spooled`] put its temporary folder.
static SPOOL_FOLDER: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// A format of the test's own that builds its file on disk, as the `SQLite`
/// export does, and hands it over to be read a block at a time.
struct Spooled;

impl Spooled {
    fn path() -> Result<ExportPath, Error> {
        ExportPath::new("spooled/big.bin")
    }
}

impl DocumentFormat for Spooled {
    fn name(&self) -> &'static str {
        "spooled"
    }

    fn owns(&self) -> &'static [&'static str] {
        &["spooled/"]
    }

    fn start(&self, _: &Context<'_>) -> Result<Vec<Output>, Error> {
        let info = FileInfo::new(
            "spooled",
            ("application/octet-stream", "BIN"),
            Scope::Catalog,
            "Bytes built on disk.",
        );
        Ok(vec![Output::Open(OutputFile::new(
            Spooled::path()?,
            b"head:".to_vec(),
            info,
        ))])
    }

    fn finish(
        &self,
        _: &Context<'_>,
        _: &[initiative::model::DocumentSummary],
        _: &[&FileMeta],
    ) -> Result<Vec<Output>, Error> {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("big.bin");
        std::fs::write(&file, spooled_bytes()).unwrap();
        *SPOOL_FOLDER.lock().unwrap() = Some(folder.path().to_path_buf());
        Ok(vec![Output::AppendFrom {
            path: Spooled::path()?,
            source: std::fs::File::open(&file).unwrap(),
            folder,
        }])
    }
}

#[test]
fn a_file_built_on_disk_is_handed_over_whole_and_its_folder_removed() {
    let files = render_shipped_with(&Spooled, true);
    let mut expected = b"head:".to_vec();
    expected.extend(spooled_bytes());
    let made = &files[Path::new("spooled/big.bin")];
    assert_eq!(made.len(), expected.len());
    assert!(*made == expected);
    let sums = String::from_utf8_lossy(&files[Path::new("SHA256SUMS")]).into_owned();
    assert!(sums.contains(&format!("{}  spooled/big.bin\n", sha256_hex(&expected))));
    let folder = SPOOL_FOLDER.lock().unwrap().clone().unwrap();
    assert!(!folder.exists(), "{}", folder.display());
}
