//! Reads a PO file, strictly, with the line and column of every refusal.

/// A PO file as a translation uses it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    /// 1-based line of the header entry (0 when there is none).
    pub header_line: usize,
    /// The header entry's fields (`Language`, `Content-Type`, …), in order.
    pub header: Vec<(String, String)>,
    /// Every other entry, in file order; obsolete (`#~`) entries are left
    /// out, as gettext's own tools leave them.
    pub entries: Vec<Entry>,
}

impl Catalog {
    /// The value of header field `name` (case-insensitive, as gettext).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One entry.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line of its first keyword (`msgctxt`, else `msgid`).
    pub line: usize,
    /// Its `msgctxt`, if it has one.
    pub context: Option<String>,
    /// Its `msgid`: the original.
    pub id: String,
    /// Its `msgstr`: the translation, empty while untranslated.
    pub string: String,
    /// Whether its flags include `fuzzy`.
    pub fuzzy: bool,
}

/// Why a PO file was refused, and where.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct PoError {
    /// The diagnostic code (`po-syntax`, `po-plural`, `po-unknown-unit`, …).
    pub code: &'static str,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, and what to do.
    pub message: String,
}

fn refuse(line: usize, column: usize, message: impl Into<String>) -> PoError {
    PoError {
        code: "po-syntax",
        line,
        column,
        message: message.into(),
    }
}

fn plural(line: usize, column: usize, message: impl Into<String>) -> PoError {
    PoError {
        code: "po-plural",
        ..refuse(line, column, message)
    }
}

impl PoError {
    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self.code {
            "po-plural" => "translate each unit as one string: a text has no plural forms",
            "po-unknown-unit" => {
                "export the PO file again (`initiative translation po export`): an entry's msgctxt is its unit id and must stay as exported"
            }
            "po-duplicate-unit" => "keep one entry per unit",
            "po-no-context" => "give the entry back its msgctxt, the unit id it had when exported",
            "po-header" => "set the header as `initiative translation po export` writes it",
            _ => {
                "write the entry as the gettext manual has it: `msgctxt`, `msgid` and `msgstr`, each followed by a string in double quotes"
            }
        }
    }
}

/// Which string a continuation line adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Context,
    Id,
    Str,
}

/// The entry being read.
#[derive(Debug, Default)]
struct Partial {
    line: usize,
    fuzzy: bool,
    context: Option<String>,
    id: Option<String>,
    string: Option<String>,
}

impl Partial {
    fn field(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::Context => &mut self.context,
            Field::Id => &mut self.id,
            Field::Str => &mut self.string,
        }
    }
}

/// The reader's state between lines.
#[derive(Default)]
struct Reader {
    catalog: Catalog,
    current: Option<Partial>,
    field: Option<Field>,
    fuzzy_next: bool,
    header_seen: bool,
}

/// Parses the text of a PO file (a leading byte order mark is skipped).
pub fn parse(text: &str) -> Result<Catalog, PoError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::default();
    for (i, line) in text.lines().enumerate() {
        reader.line(i + 1, line)?;
    }
    reader.finish()?;
    Ok(reader.catalog)
}

impl Reader {
    fn line(&mut self, n: usize, line: &str) -> Result<(), PoError> {
        let trimmed = line.trim_start();
        let indent = line.chars().count() - trimmed.chars().count();
        if trimmed.trim_end().is_empty() || trimmed.starts_with("#~") {
            return self.finish();
        }
        if let Some(flags) = trimmed.strip_prefix("#,") {
            self.finish()?;
            self.fuzzy_next |= flags.split(',').any(|f| f.trim() == "fuzzy");
            return Ok(());
        }
        if trimmed.starts_with('#') {
            return self.finish();
        }
        if trimmed.starts_with('"') {
            return self.continuation(n, indent + 1, trimmed);
        }
        // `split` yields at least one piece, so no default is ever taken.
        let keyword = trimmed
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default();
        let rest = &trimmed[keyword.len()..];
        let column = indent + keyword.chars().count() + 1;
        match keyword {
            "msgctxt" => self.start(n, Field::Context, column, rest),
            "msgid" => self.start(n, Field::Id, column, rest),
            "msgstr" => self.start(n, Field::Str, column, rest),
            k if k == "msgid_plural" || k.starts_with("msgstr[") => Err(plural(
                n,
                indent + 1,
                format!(
                    "`{k}`: plural forms are not used in a translation of a text; translate each unit as one string"
                ),
            )),
            _ => Err(refuse(
                n,
                indent + 1,
                "expected `msgctxt`, `msgid`, `msgstr`, a quoted string or a comment",
            )),
        }
    }

    /// A keyword line: `msgctxt` and `msgid` may start an entry, `msgstr`
    /// ends one.
    fn start(&mut self, n: usize, field: Field, column: usize, rest: &str) -> Result<(), PoError> {
        let value = quoted(n, column, rest)?;
        let complete = self.current.as_ref().is_some_and(|p| p.string.is_some());
        if complete && field != Field::Str {
            self.finish()?;
        }
        let fuzzy = std::mem::take(&mut self.fuzzy_next);
        let current = self.current.get_or_insert_with(|| Partial {
            line: n,
            fuzzy,
            ..Partial::default()
        });
        let order_ok = match field {
            Field::Context => current.id.is_none(),
            Field::Id => current.string.is_none(),
            Field::Str => current.id.is_some() && current.string.is_none(),
        };
        if !order_ok || current.field(field).is_some() {
            return Err(refuse(
                n,
                1,
                "out of order: an entry is `msgctxt` (optional), then `msgid`, then `msgstr`",
            ));
        }
        *current.field(field) = Some(value);
        self.field = Some(field);
        Ok(())
    }

    /// A line holding only a string: it continues the last keyword's.
    fn continuation(&mut self, n: usize, column: usize, text: &str) -> Result<(), PoError> {
        let value = quoted(n, column, text)?;
        let target = match (self.current.as_mut(), self.field) {
            (Some(current), Some(field)) => current.field(field),
            _ => return Err(refuse(n, column, "a string with no keyword before it")),
        };
        if let Some(existing) = target {
            existing.push_str(&value);
        }
        Ok(())
    }

    /// Ends the entry being read, if any.
    fn finish(&mut self) -> Result<(), PoError> {
        self.field = None;
        let Some(partial) = self.current.take() else {
            return Ok(());
        };
        let (Some(id), Some(string)) = (partial.id, partial.string) else {
            return Err(refuse(
                partial.line,
                1,
                "this entry has no `msgid` or no `msgstr`",
            ));
        };
        if id.is_empty() && partial.context.is_none() {
            return self.header(partial.line, &string);
        }
        self.catalog.entries.push(Entry {
            line: partial.line,
            context: partial.context,
            id,
            string,
            fuzzy: partial.fuzzy,
        });
        Ok(())
    }

    /// The header entry's `Name: value` lines.
    fn header(&mut self, line: usize, text: &str) -> Result<(), PoError> {
        if std::mem::replace(&mut self.header_seen, true) {
            return Err(refuse(line, 1, "a second header entry (`msgid \"\"`)"));
        }
        self.catalog.header_line = line;
        self.catalog.header = text
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
            .collect();
        Ok(())
    }
}

/// The string in `text` (a `"…"` and nothing else but spaces), its escapes
/// decoded; `column` is where `text` starts on line `n`.
fn quoted(n: usize, column: usize, text: &str) -> Result<String, PoError> {
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let body = text.trim_start();
    let Some(inner) = body.strip_prefix('"') else {
        return Err(refuse(
            n,
            column + lead,
            "expected a string in double quotes",
        ));
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = column + lead + 1 + inner[..i].chars().count();
        match c {
            '"' => {
                let after = &inner[i + 1..];
                if !after.trim().is_empty() {
                    let spaces = after.chars().take_while(|c| c.is_whitespace()).count();
                    return Err(refuse(n, at + 1 + spaces, "text after the closing quote"));
                }
                return String::from_utf8(bytes)
                    .map_err(|_| refuse(n, column + lead, "the escapes do not make UTF-8 text"));
            }
            '\\' => unescape(&mut chars, &mut bytes).map_err(|m| refuse(n, at, m))?,
            c => {
                let mut buffer = [0; 4];
                bytes.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            }
        }
    }
    Err(refuse(n, column + lead, "the string has no closing quote"))
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

/// Decodes the escape after a `\` into `bytes`.
fn unescape(chars: &mut Chars<'_>, bytes: &mut Vec<u8>) -> Result<(), String> {
    let Some((_, c)) = chars.next() else {
        return Err("a `\\` at the end of the line".into());
    };
    let simple = match c {
        'n' => Some(b'\n'),
        't' => Some(b'\t'),
        'r' => Some(b'\r'),
        'a' => Some(0x07),
        'b' => Some(0x08),
        'f' => Some(0x0c),
        'v' => Some(0x0b),
        '\\' | '"' | '\'' | '?' => u8::try_from(c).ok(),
        _ => None,
    };
    if let Some(byte) = simple {
        bytes.push(byte);
        return Ok(());
    }
    let (radix, max, digits) = match c {
        '0'..='7' => (8, 3, c.to_string()),
        'x' => (16, 2, String::new()),
        _ => return Err(format!("unknown escape `\\{c}`")),
    };
    let mut digits = digits;
    while digits.len() < max
        && let Some((_, d)) = chars.next_if(|(_, d)| d.is_digit(radix))
    {
        digits.push(d);
    }
    let byte = u8::from_str_radix(&digits, radix).map_err(|_| {
        format!(
            "`\\{}` is not a byte",
            if radix == 16 {
                format!("x{digits}")
            } else {
                digits.clone()
            }
        )
    })?;
    bytes.push(byte);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(context: &str, id: &str, string: &str) -> (Option<String>, String, String) {
        (Some(context.to_owned()), id.to_owned(), string.to_owned())
    }

    fn entries(text: &str) -> Vec<(Option<String>, String, String)> {
        parse(text)
            .unwrap()
            .entries
            .into_iter()
            .map(|e| (e.context, e.id, e.string))
            .collect()
    }

    #[test]
    fn reads_the_header_contexts_and_multi_line_strings() {
        let text = "# comment\nmsgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n#. note\nmsgctxt \"title\"\nmsgid \"\"\n\"Hang\"\n\"zhou\"\nmsgstr \"Hang\" \"zhou\"\n";
        let catalog = parse(text);
        assert!(catalog.is_err(), "two strings on one line are refused");
        let text = text.replace("msgstr \"Hang\" \"zhou\"", "msgstr \"Hangzhou\"");
        let catalog = parse(&text).unwrap();
        assert_eq!(catalog.header("language"), Some("fr"));
        assert_eq!(catalog.entries[0].line, 8);
        assert_eq!(entries(&text), [entry("title", "Hangzhou", "Hangzhou")]);
    }

    #[test]
    fn decodes_every_escape_the_manual_lists() {
        let text = r#"msgctxt "u"
msgid "a\"b\\c\nd\te"
msgstr "\101\x42\303\251\?"
"#;
        assert_eq!(entries(text), [entry("u", "a\"b\\c\nd\te", "ABé?")]);
    }

    #[test]
    fn flags_mark_the_next_entry_fuzzy_and_obsolete_entries_are_left_out() {
        let text = "#, fuzzy, c-format\n#| msgid \"old\"\nmsgctxt \"u\"\nmsgid \"new\"\nmsgstr \"neu\"\n\n#~ msgctxt \"gone\"\n#~ msgid \"x\"\n#~ msgstr \"y\"\nmsgctxt \"v\"\nmsgid \"w\"\nmsgstr \"\"\n";
        let catalog = parse(text).unwrap();
        let fuzzy: Vec<bool> = catalog.entries.iter().map(|e| e.fuzzy).collect();
        assert_eq!(fuzzy, [true, false]);
        assert_eq!(catalog.entries[1].line, 10);
    }

    #[test]
    fn refusals_name_line_and_column() {
        let at = |text: &str| {
            let e = parse(text).unwrap_err();
            (e.line, e.column, e.message)
        };
        assert_eq!(at("msgctxt \"u\"\nmsgid \"a\"\nmsgid_plural \"as\"\n").0, 3);
        assert_eq!(
            at("msgid \"a\\q\"\nmsgstr \"\"\n"),
            (1, 9, "unknown escape `\\q`".into())
        );
        assert_eq!(
            at("msgid \"a\nmsgstr \"\"\n"),
            (1, 7, "the string has no closing quote".into())
        );
        assert_eq!(
            at("msgid \"a\" x\nmsgstr \"\"\n"),
            (1, 11, "text after the closing quote".into())
        );
        assert_eq!(at("msgstr \"a\"\n").0, 1);
        assert_eq!(at("msgctxt \"u\"\nmsgid \"a\"\n\n").1, 1);
        assert_eq!(
            at("\"lost\"\n"),
            (1, 1, "a string with no keyword before it".into())
        );
        assert_eq!(
            at("msgid \"\\377\\376\"\nmsgstr \"\"\n").2,
            "the escapes do not make UTF-8 text"
        );
        assert_eq!(
            at("  bogus\n"),
            (
                1,
                3,
                "expected `msgctxt`, `msgid`, `msgstr`, a quoted string or a comment".into()
            )
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(
            entries("\u{feff}msgctxt \"u\"\nmsgid \"a\"\nmsgstr \"b\"\n"),
            [entry("u", "a", "b")]
        );
    }
}
