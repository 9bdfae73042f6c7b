//! The adversarial corpus: every attack on the input ends in a clear
//! message and exit 0, 1 or 2, never a panic; and no failure, kill, full
//! disk or concurrent run leaves a broken `exports/`. See: #6

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{Test, read_tree, repo};

/// (file under tests/hostile/, exit code, rule codes in order, message fragment).
pub(crate) const CORPUS: &[(&str, i32, &[&str], &str)] = &[
    (
        "invalid-utf8.json",
        1,
        &["encoding"],
        "invalid UTF-8 at byte offset 835 (byte 0xFF)",
    ),
    ("utf16.json", 1, &["encoding"], "file is UTF-16"),
    ("bom.json", 0, &["byte-order-mark"], "byte-order mark"),
    ("crlf.json", 1, &["schema-type"], "expected an integer here"),
    ("nul-byte.json", 1, &["json-syntax"], "control character"),
    ("lone-surrogate.json", 1, &["json-syntax"], "hex escape"),
    (
        "trojan-source.json",
        1,
        &["bidi-control"],
        "U+202E RIGHT-TO-LEFT OVERRIDE",
    ),
    ("zero-width.json", 1, &["zero-width"], "U+200B"),
    ("mojibake.json", 1, &["replacement-character"], "U+FFFD"),
    ("c1-control.json", 1, &["control-character"], "U+0085"),
    ("xml-forbidden.json", 1, &["xml-character"], "U+FFFF"),
    ("not-nfc.json", 1, &["not-nfc"], "NFC"),
    (
        "path-traversal-id.json",
        1,
        &["schema-pattern"],
        "`../../etc/passwd` is not a valid id",
    ),
    (
        "backslash-id.json",
        1,
        &["schema-pattern"],
        "`a\\b` is not a valid id",
    ),
    (
        "drive-id.json",
        1,
        &["schema-pattern"],
        "`c:` is not a valid id",
    ),
    (
        "nul-id.json",
        1,
        &["schema-pattern"],
        "`a\\u{0}b` is not a valid id",
    ),
    (
        "overlong-id.json",
        1,
        &["schema-max-length"],
        "is longer than 64 characters",
    ),
    (
        "con/document.json",
        1,
        &["reserved-name"],
        "`con` is a device name on Windows",
    ),
    (
        "markup-in-text.json",
        0,
        &[],
        "1 file checked: 0 errors, 0 warnings",
    ),
];

/// The codes the generated attacks below (too large, too deep, too long)
/// assert.
pub(crate) const GENERATED_CODES: &[&str] = &[
    "file-too-large",
    "json-syntax",
    "text-too-long",
    // tests/dcat.rs, exports_need_the_catalog
    "catalog-missing",
];

#[test]
fn every_attack_in_the_corpus_gets_its_code_and_message() {
    for (file, code, codes, fragment) in CORPUS {
        let path = format!("tests/hostile/{file}");
        let run = Test::in_repo()
            .args(&["validate", &path, "--format", "json"])
            .run();
        assert_eq!(
            run.code, *code,
            "{file}: exit code\n{}{}",
            run.stdout, run.stderr
        );
        let report = run.report();
        let found: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(found, *codes, "{file}");
        let human = Test::in_repo()
            .args(&["validate", &path, "--color", "never"])
            .run();
        assert!(
            human.stdout.contains(fragment),
            "{file}: no `{fragment}` in\n{}",
            human.stdout
        );
    }
}

#[test]
fn every_corpus_file_is_listed() {
    let mut on_disk = Vec::new();
    for entry in std::fs::read_dir(repo().join("tests/hostile"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            on_disk.push(format!("{name}/document.json"));
        } else if Path::new(&name).extension().is_some_and(|e| e == "json") {
            on_disk.push(name);
        }
    }
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(f, _, _, _)| (*f).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

/// Runs `validate` on generated content and returns (exit code, stdout,
/// seconds taken).
fn validate_generated(name: &str, write: impl FnOnce(&Path)) -> (i32, String, f64) {
    let test = Test::scratch();
    write(&test.dir().join(name));
    let test = test.args(&["validate", name, "--color", "never"]);
    let start = Instant::now();
    let run = test.run();
    (run.code, run.stdout, start.elapsed().as_secs_f64())
}

#[test]
fn a_one_gigabyte_file_is_refused_from_its_size() {
    let (code, stdout, _) = validate_generated("huge.json", |path| {
        let file = std::fs::File::create(path).unwrap();
        // Sparse: a gigabyte on paper, nothing on disk.
        file.set_len(1 << 30).unwrap();
    });
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains(
            "error[file-too-large]: file is 1073741824 bytes; the limit is 67108864 bytes"
        ),
        "{stdout}"
    );
}

#[test]
fn the_size_limit_is_configurable() {
    let test = Test::in_repo()
        .env("INITIATIVE_MAX_FILE_BYTES", "1000")
        .args(&[
            "validate",
            "tests/fixtures/valid/minimal/document.json",
            "--format",
            "json",
        ]);
    let run = test.run().code(1);
    let codes: Vec<String> = run
        .report()
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["file-too-large"]);
}

#[test]
fn a_hundred_thousand_deep_array_is_a_syntax_error_not_a_stack_overflow() {
    let (code, stdout, _) = validate_generated("deep.json", |path| {
        std::fs::write(path, "[".repeat(100_000)).unwrap();
    });
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("error[json-syntax]: invalid JSON: recursion limit exceeded"),
        "{stdout}"
    );
    assert!(
        stdout.contains("data files nest at most 128 levels"),
        "{stdout}"
    );
}

#[test]
fn a_fifty_megabyte_string_is_one_clear_error() {
    let (code, stdout, _) = validate_generated("long.json", |path| {
        let document =
            std::fs::read_to_string(repo().join("tests/fixtures/valid/minimal/document.json"))
                .unwrap_or_default()
                .replace(
                    "\"Minimal Initiative\"",
                    &format!("\"{}\"", "a".repeat(50 * 1024 * 1024)),
                );
        std::fs::write(path, document).unwrap();
    });
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[text-too-long]: title (en): this text has 52428800 characters; the limit is 100000"),
        "{}",
        stdout.get(..2000).unwrap_or(&stdout)
    );
    assert!(
        stdout.len() < 10_000,
        "the 50 MB line is not echoed: {} bytes",
        stdout.len()
    );
}

#[test]
fn an_xliff_with_entities_is_refused_before_expanding_them() {
    let test = Test::scratch_repo();
    std::fs::copy(
        repo().join("tests/hostile/billion-laughs.xlf"),
        test.dir().join("laughs.xlf"),
    )
    .unwrap();
    let before = std::fs::read(
        test.dir()
            .join("data/hangzhou-initiative/translations/fr.json"),
    )
    .unwrap_or_default();
    let test = test.args(&["translation", "xliff", "import", "laughs.xlf"]);
    // A refused XLIFF is invalid data, located: exit 1. See: #16
    test.run().code(1).stderr(concat!(
        "error[xliff-unsupported]: a DOCTYPE is not read: XLIFF needs none, and its entities could expand without bound\n",
        " --> laughs.xlf:2:1\n",
        "  |\n",
        "2 | <!DOCTYPE xliff [\n",
        "  | ^\n",
        "  |\n",
        "  = note: at /\n",
        "  = help: remove the DOCTYPE: XLIFF needs none\n",
        "initiative: nothing was imported from laughs.xlf\n",
    ));
    assert_eq!(
        std::fs::read(
            test.dir()
                .join("data/hangzhou-initiative/translations/fr.json")
        )
        .unwrap_or_default(),
        before
    );
}

/// A scratch repository with its exports built, and their files.
fn built() -> (
    Test,
    std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>,
) {
    let test = Test::scratch_repo().args(&["build"]);
    test.run().code(0);
    let files = read_tree(&test.dir().join("exports"));
    (test, files)
}

/// Whether `exports/` under `dir` is whole: every file SHA256SUMS lists has
/// its hash, and nothing else but SHA256SUMS is there.
fn exports_are_whole(
    dir: &Path,
    expected: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>,
) {
    let files = read_tree(&dir.join("exports"));
    assert!(
        files == *expected,
        "exports/ differs from the last good build"
    );
    let sums = String::from_utf8_lossy(&files[Path::new("SHA256SUMS")]).into_owned();
    for line in sums.lines() {
        let (hash, path) = line.split_once("  ").unwrap_or_default();
        assert_eq!(
            initiative::export::sha256_hex(&files[Path::new(path)]),
            hash,
            "{path}"
        );
    }
}

/// The names beside `exports/` other than the data, schema and the lock.
fn debris(dir: &Path) -> Vec<String> {
    let names = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    };
    let cache = [".gitignore", "CACHEDIR.TAG", "build.json"];
    let mut left: Vec<String> = names(dir)
        .into_iter()
        .filter(|n| {
            !["data", "schema", "exports", ".exports.lock", ".initiative"].contains(&n.as_str())
        })
        .collect();
    // The build cache holds its three files and nothing a killed write left.
    left.extend(
        names(&dir.join(".initiative/cache"))
            .into_iter()
            .filter(|n| !cache.contains(&n.as_str())),
    );
    left
}

/// Whether `exports/` under `dir` is one of the complete trees in
/// `complete`, with every hash in its SHA256SUMS right.
fn exports_are_one_of(
    dir: &Path,
    complete: &[&std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>],
) {
    let files = read_tree(&dir.join("exports"));
    assert!(
        complete.iter().any(|tree| **tree == files),
        "exports/ is neither the previous build nor the next one"
    );
    let sums = String::from_utf8_lossy(&files[Path::new("SHA256SUMS")]).into_owned();
    for line in sums.lines() {
        let (hash, path) = line.split_once("  ").unwrap_or_default();
        assert_eq!(
            initiative::export::sha256_hex(&files[Path::new(path)]),
            hash,
            "{path}"
        );
    }
}

#[test]
fn killing_a_build_at_any_moment_leaves_a_whole_exports_folder() {
    let (test, before) = built();
    // Change the data so a finished run changes the exports.
    let path = test.dir().join("data/catalog.json");
    let changed = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("open-data@example.org", "team@example.org");
    std::fs::write(&path, &changed).unwrap();
    // The tree a finished run writes, built in a copy.
    let reference = Test::scratch_repo()
        .write("data/catalog.json", &changed)
        .args(&["build"]);
    reference.run().code(0);
    let after = read_tree(&reference.dir().join("exports"));
    for i in 0..25_u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_initiative"))
            .arg("build")
            .current_dir(test.dir())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the run: the build takes tens of milliseconds.
        std::thread::sleep(Duration::from_micros(i * i * 150));
        let _ = child.kill();
        let _ = child.wait();
        // Killed before the swap: the previous tree; after it: the next
        // one. Never a mixture, never nothing.
        exports_are_one_of(test.dir(), &[&before, &after]);
    }
    // The next run clears whatever a killed one left, and finishes.
    let test = test.args(&["build"]);
    test.run().code(0);
    assert_eq!(debris(test.dir()), Vec::<String>::new());
    assert!(read_tree(&test.dir().join("exports")) == after);
}

#[test]
fn a_full_disk_fails_clearly_and_keeps_the_previous_exports() {
    let (test, expected) = built();
    let changed = std::fs::read_to_string(test.dir().join("data/catalog.json"))
        .unwrap_or_default()
        .replace("open-data@example.org", "team@example.org");
    std::fs::write(test.dir().join("data/catalog.json"), changed).unwrap();
    // A file-size limit of 16 KiB: writing the larger exports fails with
    // EFBIG, as on a full disk (SIGXFSZ ignored, as the shell passes on).
    let stderr = test
        .run_in_shell("trap '' XFSZ; ulimit -f 32", "build")
        .code(2)
        .stderr;
    assert!(
        stderr.contains("initiative: error: cannot write "),
        "{stderr}"
    );
    assert!(stderr.contains("File too large"), "{stderr}");
    exports_are_whole(test.dir(), &expected);
    assert_eq!(debris(test.dir()), Vec::<String>::new());
}

#[test]
fn two_builds_at_once_take_turns() {
    let (test, _) = built();
    std::fs::remove_dir_all(test.dir().join("exports")).unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_initiative"))
            .arg("build")
            .current_dir(test.dir())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let children: Vec<_> = (0..4).map(|_| spawn()).collect();
    for mut child in children {
        assert_eq!(child.wait().ok().and_then(|s| s.code()), Some(0));
    }
    assert!(read_tree(&test.dir().join("exports")) == read_tree(&repo().join("exports")));
    assert_eq!(debris(test.dir()), Vec::<String>::new());
}

#[test]
fn a_symlink_inside_the_output_is_replaced_not_followed() {
    let (test, _) = built();
    let outside = test.dir().join("outside.txt");
    std::fs::write(&outside, "keep me").unwrap();
    let link = test.dir().join("exports/json/hangzhou-initiative.json");
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let test = test.args(&["build"]);
    test.run().code(0);
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap_or_default(),
        "keep me"
    );
    assert!(!link.is_symlink());
    assert!(read_tree(&test.dir().join("exports")) == read_tree(&repo().join("exports")));
}

#[test]
fn excel_safe_csv_prefixes_formulas_and_the_default_keeps_them() {
    let test = Test::scratch_repo();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let hostile = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .replace("\"Hangzhou\"", "\"=HYPERLINK(\\\"http://x\\\")\"");
    std::fs::write(&path, hostile).unwrap();
    let test = test.args(&["export", "--format", "csv", "--out", "plain"]);
    test.run().code(0);
    let plain = std::fs::read_to_string(test.dir().join("plain/csv/document_texts.csv"))
        .unwrap_or_default();
    assert!(
        plain.contains("place_name,en,\"=HYPERLINK(\"\"http://x\"\")\"\r\n"),
        "{plain}"
    );
    let test = test.args(&[
        "export",
        "--format",
        "csv",
        "--out",
        "safe",
        "--csv-excel-safe",
    ]);
    test.run().code(0);
    let safe =
        std::fs::read_to_string(test.dir().join("safe/csv/document_texts.csv")).unwrap_or_default();
    assert!(
        safe.contains("place_name,en,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"),
        "{safe}"
    );
}

#[test]
fn a_read_only_destination_fails_clearly_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let (test, expected) = built();
    let changed = std::fs::read_to_string(test.dir().join("data/catalog.json"))
        .unwrap_or_default()
        .replace("open-data@example.org", "team@example.org");
    std::fs::write(test.dir().join("data/catalog.json"), changed).unwrap();
    // The folder holding exports/ becomes read-only to the user running
    // the build. Root ignores permissions, so as root the build runs as
    // `nobody` (with a copy of the binary it can execute).
    let binary = test.dir().join("initiative");
    std::fs::copy(env!("CARGO_BIN_EXE_initiative"), &binary).unwrap();
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| {
        o.stdout
            == b"0
"
    });
    let mode = if root { 0o755 } else { 0o555 };
    std::fs::set_permissions(test.dir(), std::fs::Permissions::from_mode(mode)).unwrap();
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        c
    } else {
        Command::new(&binary)
    };
    let output = command
        .arg("build")
        .current_dir(test.dir())
        .output()
        .unwrap();
    std::fs::set_permissions(test.dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Permission denied"), "{stderr}");
    exports_are_whole(test.dir(), &expected);
}

#[test]
fn markup_in_a_text_is_escaped_on_the_reading_page() {
    let test = Test::scratch_repo();
    // The French draft would (rightly) flag the changed title.
    std::fs::remove_file(
        test.dir()
            .join("data/hangzhou-initiative/translations/fr.json"),
    )
    .unwrap();
    let path = test.dir().join("data/hangzhou-initiative/document.json");
    let hostile = std::fs::read_to_string(&path).unwrap_or_default().replace(
        "\"Hangzhou Initiative on AI and Education\"",
        "\"</span></h1><script>alert(1)</script><!-- & \\\"quoted\\\"\"",
    );
    std::fs::write(&path, hostile).unwrap();
    let test = test.args(&["export", "--format", "html", "--out", "out"]);
    test.run().code(0);
    let page = std::fs::read_to_string(test.dir().join("out/html/hangzhou-initiative.html"))
        .unwrap_or_default();
    assert!(!page.contains("<script>alert"), "raw markup on the page");
    assert!(page.contains(
        "<span lang=\"en\" class=\"text l1\">&lt;/span&gt;&lt;/h1&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; &quot;quoted&quot;</span>"
    ));
    // Inside the embedded JSON-LD, `<` cannot close the script element.
    assert!(page.contains("\\u003c/span\\u003e\\u003c/h1\\u003e\\u003cscript\\u003e"));
}
