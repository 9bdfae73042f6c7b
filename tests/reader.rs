//! What the reader says about text it cannot take as it is: a syntax
//! error drawn with its snippet, whole numbers not written as integers,
//! languages the exports cannot name, and suggested language tags that
//! the tool itself accepts. See: #13

use crate::harness::Test;

const ES: &str = "data/hangzhou-initiative/translations/es.json";

/// A translation with a comma after its last unit member: the commonest
/// slip in a hand-edited file.
const TRAILING_COMMA: &str = r#"{
  "document": "hangzhou-initiative",
  "language": "es",
  "pivot": "en",
  "status": "draft",
  "translators": [{"name": "Ana"}],
  "units": {
    "title": {
      "source": "Initiative",
      "translation": "Iniciativa",
    }
  }
}
"#;

#[test]
fn a_trailing_comma_is_drawn_at_the_comma_with_its_place() {
    // See: #13
    Test::scratch_repo()
        .write(ES, TRAILING_COMMA)
        .args(&["validate", ES, "--color", "never"])
        .run()
        .code(1)
        .stdout(
            r#"error[json-syntax]: invalid JSON: trailing comma
  --> data/hangzhou-initiative/translations/es.json:10:34
   |
10 |       "translation": "Iniciativa",
   |                                  ^
   |
   = note: at /units/title
   = help: remove this comma: JSON allows none after the last item

1 file checked: 1 error, 0 warnings
"#,
        );
}
