//! The command line's contract: output formats, colour, exit codes.

use crate::harness::Test;

const BIDI: &str = "tests/fixtures/invalid/bidi-control.json";

#[test]
fn human_output_points_at_the_character() {
    Test::in_repo().args(&["validate", BIDI]).run().code(1).stdout(
        "error[bidi-control]: sec_1__para_1 (en): text contains the invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE at character 13
  --> tests/fixtures/invalid/bidi-control.json:52:32
   |
52 |             \"en\": \"We advocate \u{FFFD}the Compact.\",
   |                                ^
   |
   = note: at /sections/0/paragraphs/0/text/en
   = help: remove it: direction comes from the language; invisible controls can disguise what the text says

1 file checked: 1 error, 0 warnings
",
    );
}

#[test]
fn github_output_is_one_escaped_annotation_per_problem() {
    Test::in_repo().args(&["validate", BIDI, "--format", "github"]).run().code(1).stdout(
        "::error file=tests/fixtures/invalid/bidi-control.json,line=52,col=32,title=bidi-control::sec_1__para_1 (en): text contains the invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE at character 13%0Ahelp: remove it: direction comes from the language; invisible controls can disguise what the text says\n",
    );
}

#[test]
fn json_output_has_stable_fields() {
    let run = Test::in_repo()
        .args(&["validate", BIDI, "--format", "json"])
        .run()
        .code(1);
    let report = run.report();
    assert_eq!(
        (
            report.version,
            report.valid,
            report.files,
            report.errors,
            report.warnings
        ),
        (1, false, 1, 1, 0)
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.pointer, "/sections/0/paragraphs/0/text/en");
    assert_eq!(d.unit.as_deref(), Some("sec_1__para_1 (en)"));
    assert_eq!(d.severity, "error");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = Test::in_repo().args(&["validate", BIDI]).run();
    assert!(!plain.stdout.contains('\u{1b}'));
    let coloured = Test::in_repo()
        .args(&["validate", BIDI, "--color", "always"])
        .run();
    assert!(coloured.stdout.contains("\u{1b}["));
    let no_color = Test::in_repo()
        .args(&["validate", BIDI])
        .env("NO_COLOR", "1")
        .run();
    assert!(!no_color.stdout.contains('\u{1b}'));
}

#[test]
fn all_files_are_reported_in_one_run() {
    let run = Test::in_repo()
        .args(&[
            "validate",
            BIDI,
            "tests/fixtures/invalid/whitespace.json",
            "--format",
            "json",
        ])
        .run()
        .code(1);
    let report = run.report();
    assert_eq!((report.files, report.errors), (2, 2));
}

#[test]
fn a_missing_file_is_an_io_error() {
    Test::scratch()
        .args(&["validate", "nowhere.json"])
        .run()
        .code(2)
        .stdout("")
        .stderr(
            "initiative: error: cannot read nowhere.json: No such file or directory (os error 2)\n",
        );
}

#[test]
fn outside_a_project_is_a_usage_error() {
    // See: #13 (a run outside the project used to write there first).
    let test = Test::scratch().args(&["validate"]);
    let run = test.run().code(2);
    let dir = std::fs::canonicalize(test.dir()).unwrap();
    let expected = format!(
        "initiative: error: no initiative project in {} or any folder above it (a project is a folder holding data/ and schema/); run the command from inside one\n",
        dir.display()
    );
    assert_eq!(run.stderr, expected);
}

#[test]
fn usage_errors_exit_2() {
    let run = Test::in_repo()
        .args(&["validate", "--format", "xml"])
        .run()
        .code(2);
    assert!(run.stderr.contains("invalid value 'xml'"), "{}", run.stderr);
    Test::in_repo().args(&["frobnicate"]).run().code(2);
    Test::in_repo().args(&["--help"]).run().code(0);
}

#[test]
fn the_shipped_data_is_valid() {
    let run = Test::in_repo().args(&["validate"]).run().code(0);
    assert!(
        run.stdout
            .ends_with("\n3 files checked: 0 errors, 9 warnings\n"),
        "{}",
        run.stdout
    );
    let run = Test::in_repo()
        .args(&["validate", "--format", "json"])
        .run()
        .code(0);
    crate::build::assert_only_shipped_warnings(&run.report());
}

#[test]
fn every_command_has_an_example_in_its_help() {
    let commands: &[&[&str]] = &[
        &["schema"],
        &["validate"],
        &["build"],
        &["export"],
        &["rules"],
        &["completions"],
        &["man"],
        &["translation"],
        &["translation", "template"],
        &["translation", "check"],
        &["translation", "status"],
        &["translation", "xliff"],
        &["translation", "xliff", "export"],
        &["translation", "xliff", "import"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let run = Test::in_repo().args(&args).run().code(0);
        assert!(run.stdout.contains("Example: "), "{command:?}");
    }
}

#[test]
fn completions_and_the_manual_come_from_the_command_definitions() {
    let run = Test::in_repo().args(&["completions", "bash"]).run().code(0);
    assert!(
        run.stdout.contains("translation"),
        "bash completion lacks a subcommand"
    );
    let run = Test::in_repo().args(&["man"]).run().code(0);
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &run.stdout[..80]
    );
    assert!(
        run.stdout.contains(".SH SUBCOMMANDS"),
        "no subcommands section"
    );
}

#[test]
fn quiet_prints_errors_only_and_verbose_names_each_file() {
    let run = Test::in_repo().args(&["-q", "validate"]).run().code(0);
    assert_eq!(run.stdout, "");
    let run = Test::in_repo()
        .args(&[
            "-v",
            "validate",
            "tests/fixtures/valid/minimal/document.json",
        ])
        .run()
        .code(0);
    assert_eq!(
        run.stderr,
        "checked tests/fixtures/valid/minimal/document.json: 0 errors, 0 warnings\n"
    );
    let run = Test::in_repo()
        .args(&[
            "-q",
            "validate",
            "tests/hostile/zero-width.json",
            "--color",
            "never",
        ])
        .run()
        .code(1);
    assert!(
        run.stdout.starts_with("error[zero-width]"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("1 file checked"), "{}", run.stdout);
}

#[test]
fn document_selects_a_document_and_its_translations() {
    Test::in_repo()
        .args(&["validate", "--document", "hangzhou-initiative"])
        .run()
        .code(0)
        .stdout("2 files checked: 0 errors, 0 warnings\n");
    Test::in_repo()
        .args(&["validate", "--document", "tokyo-declaration"])
        .run()
        .code(2)
        .stderr("initiative: error: no document `tokyo-declaration` under data/\n");
}
