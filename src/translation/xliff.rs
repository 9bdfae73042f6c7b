//! XLIFF 2.0 (OASIS) for translation tools such as `OmegaT`, Okapi and
//! Weblate: one `<file>` per translation, one `<unit id>` per text unit in
//! reading order, then one per name the text cites (`name.<reference-id>`,
//! with a `<note>` saying what it is), each with a `<segment>` holding the
//! pivot `<source>` and, once translated, the `<target>`. Import reads
//! targets back by unit id, a name's into the translation's `names`.
//!
//! The reader never loses text: CDATA is text, a unit's segments and
//! `<ignorable>`s are joined in order, `<mrk>` and `<pc>` keep their
//! content, and whatever it cannot turn into plain text without loss (a
//! `<ph>` with no text equivalent, an element it does not know inside a
//! `<target>`, a second unit with the same id, XLIFF 1.2) is a
//! [`ReadError`] with its line and column, never a silent drop.
//!
//! Two readings of the standard are choices: UTF-16 with a byte-order
//! mark is decoded (XML 1.0 requires every parser to read it, and Windows
//! CAT tools write it), and white space is kept as written unless an
//! explicit `xml:space="default"` applies (XLIFF lets an application keep
//! it, and so the tool's own export comes back byte for byte).

use std::collections::HashMap;
use std::io;

use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesDecl, BytesRef, BytesStart, BytesText, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, Writer};

use super::exchange;
use crate::model::{Document, Translation, TranslationStatus, TranslationUnit};
use crate::source::{LineIndex, Position};
use crate::work::{self, Work};

/// The XLIFF 2.0 core namespace (XLIFF 2.1 keeps it).
pub const XLIFF_NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// What can go wrong importing an XLIFF file into a translation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file is not an XLIFF 2.0 file the import can read without loss.
    #[error("{}:{}: {}", .0.position.line, .0.position.column, .0)]
    Read(#[from] ReadError),
    /// The file translates into another language than the translation.
    #[error("the XLIFF translates into `{found}`, but the translation file is `{expected}`")]
    Language {
        /// The translation file's language.
        expected: String,
        /// The XLIFF's `trgLang`.
        found: String,
    },
    /// A unit id (or `name.<reference-id>`) the document does not have.
    #[error("{}; nothing was imported", exchange::unknown(.id))]
    UnknownUnit {
        /// The unit id.
        id: String,
        /// Where its `<unit>` starts.
        position: Position,
    },
}

/// A problem in an XLIFF file, and where it is.
#[derive(Debug, thiserror::Error)]
#[error("{kind}")]
pub struct ReadError {
    /// Where the problem is: the start of the element concerned, or the
    /// byte the parser stopped at.
    pub position: Position,
    /// What the problem is.
    pub kind: ReadErrorKind,
}

/// The kinds of [`ReadError`], each with its stable code ([`ReadError::code`]).
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// `xliff-encoding`: the bytes are neither UTF-8 nor UTF-16 with a BOM.
    #[error("{0}")]
    Encoding(String),
    /// `xliff-syntax`: the text is not well-formed XML 1.0.
    #[error("not well-formed XML: {0}")]
    Syntax(String),
    /// `xliff-root`: the root element is not `<xliff>`.
    #[error("the root element is <{0}>, not <xliff>")]
    Root(String),
    /// `xliff-version`: the root's `version` is not 2.0 or 2.1.
    #[error("{}", version_message(.0.as_deref()))]
    Version(Option<String>),
    /// `xliff-namespace`: the root is not in the XLIFF 2.0 namespace.
    #[error("the <xliff> root is {}, not in {XLIFF_NAMESPACE}", namespace_words(.0.as_deref()))]
    Namespace(Option<String>),
    /// `xliff-structure`: an element or text where XLIFF 2.0 has none, or
    /// an attribute the import needs is missing or wrong.
    #[error("{0}")]
    Structure(String),
    /// `xliff-duplicate-unit`: a unit id given twice.
    #[error("unit `{id}` appears twice (first at {}:{}); a tool would keep one of the two silently", .first.line, .first.column)]
    DuplicateUnit {
        /// The unit id.
        id: String,
        /// Where its first `<unit>` starts.
        first: Position,
    },
    /// `xliff-inline`: an inline element whose text cannot be kept.
    #[error("{0}")]
    Inline(String),
    /// `xliff-partial-unit`: a unit with some segments translated and
    /// others not.
    #[error(
        "unit `{id}`: segment {segment} has no <target>, but another segment of the unit has one"
    )]
    PartialUnit {
        /// The unit id.
        id: String,
        /// The 1-based number of the segment among the unit's segments
        /// and ignorables.
        segment: usize,
    },
    /// `xliff-unsupported`: XML the import does not read (a DOCTYPE).
    #[error("{0}")]
    Unsupported(String),
}

fn version_message(found: Option<&str>) -> String {
    match found {
        Some(version) => format!(
            "this is XLIFF {version} (version=\"{version}\"); the import reads XLIFF 2.0 and 2.1 only"
        ),
        None => "the <xliff> root has no version: the import reads XLIFF 2.0 and 2.1".into(),
    }
}

fn namespace_words(found: Option<&str>) -> String {
    found.map_or_else(
        || "in no namespace".to_owned(),
        |ns| format!("in the namespace `{ns}`"),
    )
}

impl ReadError {
    fn new(position: Position, kind: ReadErrorKind) -> Self {
        Self { position, kind }
    }

    /// The stable code of the problem, as diagnostics print it.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ReadErrorKind::Encoding(_) => "xliff-encoding",
            ReadErrorKind::Syntax(_) => "xliff-syntax",
            ReadErrorKind::Root(_) => "xliff-root",
            ReadErrorKind::Version(_) => "xliff-version",
            ReadErrorKind::Namespace(_) => "xliff-namespace",
            ReadErrorKind::Structure(_) => "xliff-structure",
            ReadErrorKind::DuplicateUnit { .. } => "xliff-duplicate-unit",
            ReadErrorKind::Inline(_) => "xliff-inline",
            ReadErrorKind::PartialUnit { .. } => "xliff-partial-unit",
            ReadErrorKind::Unsupported(_) => "xliff-unsupported",
        }
    }

    /// What the translator can do about it.
    pub fn hint(&self) -> &'static str {
        match self.kind {
            ReadErrorKind::Encoding(_) => {
                "save the file as UTF-8 (or UTF-16 with a byte-order mark)"
            }
            ReadErrorKind::Syntax(_) | ReadErrorKind::Structure(_) => {
                "the file was damaged or hand-edited: export it again from your tool"
            }
            ReadErrorKind::Root(_) | ReadErrorKind::Version(_) | ReadErrorKind::Namespace(_) => {
                "export XLIFF 2.0 from your tool, or start from `initiative translation xliff export`"
            }
            ReadErrorKind::DuplicateUnit { .. } => {
                "keep one <unit> per id: the ids are those `initiative translation xliff export` writes"
            }
            ReadErrorKind::Inline(_) => {
                "translations are plain text: remove the tag or write its text instead"
            }
            ReadErrorKind::PartialUnit { .. } => {
                "translate every segment of the unit, or none of them"
            }
            ReadErrorKind::Unsupported(_) => "remove the DOCTYPE: XLIFF needs none",
        }
    }
}

/// What an XLIFF file says, as far as an import needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Xliff {
    /// The root's `trgLang`.
    pub target_language: String,
    /// Every unit, in document order.
    pub units: Vec<Unit>,
}

/// One `<unit>` of an XLIFF file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Its `id`.
    pub id: String,
    /// Where its `<unit>` starts.
    pub position: Position,
    /// Its translation: the targets of its segments and ignorables joined
    /// in order, or `None` when no segment has a target.
    pub target: Option<String>,
}

/// What an export can refuse.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A text holds a character no XML 1.0 file can carry.
    #[error(
        "unit `{unit}`: its {part} holds {}, which XML 1.0 cannot carry (character {index} of the text)",
        describe(*.character)
    )]
    Character {
        /// The unit id.
        unit: String,
        /// `source` or `translation`.
        part: &'static str,
        /// The character.
        character: char,
        /// Its 1-based place in the text, in characters.
        index: usize,
    },
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// `U+0000`, as messages name a character.
fn describe(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Whether XML 1.0 can carry `c` (its `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// One `<unit>` an export writes: a text unit or a name.
struct Out<'a> {
    id: String,
    source: &'a str,
    target: Option<&'a str>,
    /// What the translator is told (`<notes>`), for a name.
    note: Option<String>,
}

/// The XLIFF 2.0 file for `translation`: every unit of `document` in
/// reading order, then the name of each reference the text cites (as
/// `name.<reference-id>`), with the translation as `<target>` where there
/// is one. Refuses a text holding a character XML 1.0 cannot carry, naming
/// its unit, rather than write a file no XML parser reads.
pub fn export(translation: &Translation, document: &Document) -> Result<Vec<u8>, ExportError> {
    let units = carried(translation, document)?;
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("xliff")
        .with_attributes([
            ("xmlns", XLIFF_NAMESPACE),
            ("version", "2.0"),
            ("srcLang", translation.pivot.as_str()),
            ("trgLang", translation.language.as_str()),
        ])
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attribute(("id", document.id.as_str()))
                .write_inner_content(|w| {
                    for unit in &units {
                        write_unit(w, unit, translation.status)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// The units an export writes, text units then names, each checked for
/// characters XML 1.0 cannot carry.
fn carried<'a>(
    translation: &'a Translation,
    document: &'a Document,
) -> Result<Vec<Out<'a>>, ExportError> {
    let pivot = &translation.pivot;
    let texts = document.text_units().into_iter().filter_map(|(id, text)| {
        let source = text.get(pivot)?;
        let id = id.as_str().to_owned();
        Some((id, source, None))
    });
    let names = exchange::names(document, pivot)
        .map(|n| (n.id, n.source, Some(exchange::note(n.reference))));
    let mut units = Vec::new();
    for (id, source, note) in texts.chain(names) {
        let target = exchange::own(translation, &id)
            .map(|u| u.translation.as_str())
            .filter(|t| !t.is_empty());
        check_carried(&id, "source", source)?;
        if let Some(target) = target {
            check_carried(&id, "translation", target)?;
        }
        units.push(Out {
            id,
            source,
            target,
            note,
        });
    }
    Ok(units)
}

/// Refuses `text`, the `part` of unit `unit`, if it holds a character XML
/// 1.0 cannot carry.
fn check_carried(unit: &str, part: &'static str, text: &str) -> Result<(), ExportError> {
    match text.chars().enumerate().find(|(_, c)| !is_xml_char(*c)) {
        Some((index, character)) => Err(ExportError::Character {
            unit: unit.to_owned(),
            part,
            character,
            index: index + 1,
        }),
        None => Ok(()),
    }
}

/// Writes one `<unit>`, with its note if it has one, and its one
/// `<segment>`.
fn write_unit(
    w: &mut Writer<Vec<u8>>,
    unit: &Out<'_>,
    status: TranslationStatus,
) -> io::Result<()> {
    let state = match (unit.target, status) {
        (None, _) => "initial",
        (Some(_), TranslationStatus::Draft) => "translated",
        (Some(_), TranslationStatus::Reviewed) => "reviewed",
    };
    w.create_element("unit")
        .with_attribute(("id", unit.id.as_str()))
        .write_inner_content(|w| {
            if let Some(note) = &unit.note {
                w.create_element("notes").write_inner_content(|w| {
                    w.create_element("note").write_text_content(text(note))?;
                    Ok(())
                })?;
            }
            w.create_element("segment")
                .with_attribute(("state", state))
                .write_inner_content(|w| {
                    w.create_element("source")
                        .write_text_content(text(unit.source))?;
                    if let Some(target) = unit.target {
                        w.create_element("target")
                            .write_text_content(text(target))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// `content` as XML text. quick-xml writes a carriage return as `&#13;`,
/// which a parser reads back as one (a raw one would become a line feed).
fn text(content: &str) -> BytesText<'_> {
    BytesText::new(content)
}

/// `translation` with the targets of the XLIFF file `text` imported (see
/// [`read`] and [`merge`]).
pub fn import(
    text: &str,
    translation: &Translation,
    document: &Document,
) -> Result<Translation, Error> {
    merge(&read(text)?, translation, document)
}

/// `translation` with the targets of `xliff`: each translated unit's text
/// becomes its translation (a name's, its rendering), and nothing else
/// changes (a unit with no target keeps what it had). Refuses the whole
/// file if it translates into another language or names a unit (or a
/// reference) the document does not have.
pub fn merge(
    xliff: &Xliff,
    translation: &Translation,
    document: &Document,
) -> Result<Translation, Error> {
    if xliff.target_language != translation.language.as_str() {
        return Err(Error::Language {
            expected: translation.language.to_string(),
            found: xliff.target_language.clone(),
        });
    }
    let sources = exchange::sources(document, &translation.pivot);
    if let Some(unknown) = xliff.units.iter().find(|u| !sources.contains_key(&u.id)) {
        return Err(Error::UnknownUnit {
            id: unknown.id.clone(),
            position: unknown.position,
        });
    }
    let mut imported = translation.clone();
    for unit in &xliff.units {
        let Some(target) = &unit.target else {
            continue;
        };
        let (kept, key) = exchange::place(&mut imported, &unit.id);
        if let Some(existing) = kept.get_mut(key) {
            existing.translation.clone_from(target);
        } else {
            // A unit the pivot lacks (`missing-language` reports it) has
            // no source to copy.
            let source = sources.get(&unit.id).copied().flatten();
            kept.insert(
                key.to_owned(),
                TranslationUnit {
                    source: source.unwrap_or_default().to_owned(),
                    translation: target.clone(),
                },
            );
        }
    }
    Ok(imported)
}

/// The text of an XLIFF file's bytes: UTF-8, with or without a byte-order
/// mark, or UTF-16 with one (XML 1.0 requires every parser to read both).
/// The mark is dropped, so line 1, column 1 is the first character after
/// it, as for data files.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.starts_with(b"<\0") || bytes.starts_with(b"\0<") {
        return Err(ReadError::new(
            start(),
            ReadErrorKind::Encoding(
                "the file looks like UTF-16 without a byte-order mark, which XML does not allow"
                    .into(),
            ),
        ));
    }
    utf8(bytes)
}

/// Line 1, column 1.
fn start() -> Position {
    Position {
        line: 1,
        column: 1,
        offset: 0,
    }
}

/// The position just after `prefix`, the text read before a problem.
fn end_of(prefix: &str) -> Position {
    LineIndex::new(prefix).position(prefix, prefix.len())
}

fn utf8(bytes: &[u8]) -> Result<String, ReadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            // `valid_up_to` is within the bytes, and the byte there is the
            // first one that is not UTF-8: neither lookup can miss.
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let prefix = String::from_utf8_lossy(valid);
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
            Err(ReadError::new(
                end_of(&prefix),
                ReadErrorKind::Encoding(format!("byte 0x{byte:02X} is not UTF-8")),
            ))
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ReadError> {
    let (pairs, rest) = bytes.as_chunks::<2>();
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(pairs.iter().map(|pair| unit(*pair))) {
        match c {
            Ok(c) => text.push(c),
            Err(e) => {
                return Err(ReadError::new(
                    end_of(&text),
                    ReadErrorKind::Encoding(format!(
                        "UTF-16 holds a lone surrogate 0x{:04X}",
                        e.unpaired_surrogate()
                    )),
                ));
            }
        }
    }
    if !rest.is_empty() {
        return Err(ReadError::new(
            end_of(&text),
            ReadErrorKind::Encoding("UTF-16 text ends in half a character".into()),
        ));
    }
    Ok(text)
}

/// Turns byte offsets of a text into positions as the reader moves
/// forward: each byte is read once, so placing every unit of a file costs
/// as much as the file is long, however many units it has.
struct Cursor<'t> {
    text: &'t str,
    at: Position,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Self { text, at: start() }
    }

    /// The position of byte `offset` (clamped to the text and to a
    /// character boundary). Columns count characters, and a line ends at
    /// `\n`, as for data files ([`LineIndex`]).
    fn position(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.at.offset {
            // Only an error can point back: it is placed once.
            return LineIndex::new(self.text).position(self.text, offset);
        }
        // Both ends are character boundaries within the text.
        let passed = self.text.get(self.at.offset..offset).unwrap_or_default();
        work::add(Work::ColumnBytes, passed.len());
        for c in passed.chars() {
            if c == '\n' {
                self.at.line += 1;
                self.at.column = 1;
            } else {
                self.at.column += 1;
            }
        }
        self.at.offset = offset;
        self.at
    }
}

/// What the text of an XLIFF file says: its target language and each
/// unit's translation, or the first thing in it that cannot be read
/// without loss.
pub fn read(text: &str) -> Result<Xliff, ReadError> {
    check_characters(text)?;
    let mut reader = NsReader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut state = State::new(text);
    loop {
        let offset = to_usize(reader.buffer_position());
        let event = match reader.read_resolved_event() {
            Ok((ResolveResult::Unknown(prefix), Event::Start(_))) => {
                let message = format!("the prefix `{prefix}:` is not declared");
                return Err(state.error(offset, ReadErrorKind::Syntax(message)));
            }
            Ok((namespace, Event::Start(start))) => {
                let namespace = Ns::of(&namespace);
                state.start(&start, namespace, offset)?;
                continue;
            }
            Ok((_, event)) => event,
            Err(e) => {
                let at = to_usize(reader.error_position());
                return Err(state.error(at, ReadErrorKind::Syntax(e.to_string())));
            }
        };
        match event {
            Event::End(_) => state.end()?,
            Event::Text(content) => state.text(&content.xml10_content(), offset)?,
            Event::CData(content) => state.text(&content.xml10_content(), offset)?,
            Event::GeneralRef(reference) => state.reference(&reference, offset)?,
            Event::DocType(_) => {
                let message = "a DOCTYPE is not read: XLIFF needs none, and its entities could expand without bound";
                return Err(state.error(offset, ReadErrorKind::Unsupported(message.into())));
            }
            Event::Eof => break,
            // Comments, processing instructions and the declaration hold
            // no text of the document.
            _ => {}
        }
    }
    state.finish()
}

fn to_usize(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

/// Refuses a character no XML 1.0 document may hold.
fn check_characters(text: &str) -> Result<(), ReadError> {
    match text.char_indices().find(|(_, c)| !is_xml_char(*c)) {
        Some((offset, c)) => Err(ReadError::new(
            LineIndex::new(text).position(text, offset),
            ReadErrorKind::Syntax(format!("{} is not allowed in XML 1.0", describe(c))),
        )),
        None => Ok(()),
    }
}

/// The namespace of an element, as far as the reader cares.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ns {
    /// XLIFF 2.0 core.
    Xliff,
    /// Another namespace (a module or an extension).
    Other(String),
    /// No namespace.
    None,
}

impl Ns {
    fn of(resolved: &ResolveResult<'_>) -> Self {
        match resolved {
            ResolveResult::Bound(Namespace(ns)) if *ns == XLIFF_NAMESPACE => Self::Xliff,
            ResolveResult::Bound(Namespace(ns)) => Self::Other((*ns).to_owned()),
            _ => Self::None,
        }
    }
}

/// An open element, by what it means to the import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    Xliff,
    File,
    Group,
    Unit,
    Segment,
    Ignorable,
    /// The `<source>` of an `<ignorable>`: used where it has no target.
    Source,
    Target,
    /// `<mrk>`, whose content is kept.
    Marker,
    /// `<pc>`, whose content is kept between its text equivalents.
    Paired,
    /// An inline element that must be empty (`<ph>`, `<sc>`, `<cp>`…).
    Empty(&'static str),
    /// What holds no target text: notes, original data, a segment's
    /// source, modules and extensions.
    Skip,
}

impl Frame {
    fn name(self) -> &'static str {
        match self {
            Self::Xliff => "xliff",
            Self::File => "file",
            Self::Group => "group",
            Self::Unit => "unit",
            Self::Segment => "segment",
            Self::Ignorable => "ignorable",
            Self::Source => "source",
            Self::Target => "target",
            Self::Marker => "mrk",
            Self::Paired => "pc",
            Self::Empty(name) => name,
            Self::Skip => "an element the import skips",
        }
    }

    /// Whether text in this element is part of a translation.
    fn collects(self) -> bool {
        matches!(
            self,
            Self::Source | Self::Target | Self::Marker | Self::Paired
        )
    }
}

/// How white space in an element is read (`xml:space`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Space {
    /// As written: `preserve`, and where nothing says otherwise, so the
    /// tool's own export comes back identical.
    Keep,
    /// An explicit `xml:space="default"`: each run of white space is one
    /// space, and a target's text is trimmed.
    Collapse,
}

/// A `<segment>` or `<ignorable>` being read.
#[derive(Debug)]
struct Part {
    /// Where its target goes among the unit's parts (1-based).
    order: usize,
    segment: bool,
    position: Position,
    source: String,
    target: Option<String>,
}

/// A `<unit>` being read.
#[derive(Debug)]
struct OpenUnit {
    id: String,
    position: Position,
    parts: Vec<Part>,
}

/// What [`read`] has read so far.
struct State<'t> {
    cursor: Cursor<'t>,
    /// The open elements, each with its white-space rule.
    stack: Vec<(Frame, Space)>,
    target_language: Option<String>,
    units: Vec<Unit>,
    /// Where each unit id read so far starts.
    seen: HashMap<String, Position>,
    unit: Option<OpenUnit>,
    part: Option<Part>,
    /// The text of the target (or ignorable source) being read.
    collected: String,
    /// The `equivEnd` of each open `<pc>`, written when it closes.
    ends: Vec<String>,
}

impl<'t> State<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            cursor: Cursor::new(text),
            stack: Vec::new(),
            target_language: None,
            units: Vec::new(),
            seen: HashMap::new(),
            unit: None,
            part: None,
            collected: String::new(),
            ends: Vec::new(),
        }
    }

    fn error(&mut self, offset: usize, kind: ReadErrorKind) -> ReadError {
        ReadError::new(self.cursor.position(offset), kind)
    }

    /// Reads the start of an element at byte `offset`.
    fn start(&mut self, start: &BytesStart<'_>, ns: Ns, offset: usize) -> Result<(), ReadError> {
        let position = self.cursor.position(offset);
        let located = |kind| ReadError::new(position, kind);
        let inherited = self.stack.last().map_or(Space::Keep, |(_, space)| *space);
        let space = match attribute(start, "xml:space").map_err(&located)?.as_deref() {
            None => inherited,
            Some("preserve") => Space::Keep,
            Some("default") => Space::Collapse,
            Some(other) => {
                let message = format!("xml:space is `{other}`: it is `preserve` or `default`");
                return Err(located(ReadErrorKind::Structure(message)));
            }
        };
        let frame = match self.stack.last() {
            None => self.root(start, ns).map_err(&located)?,
            Some((parent, _)) => self.child(*parent, start, &ns, position, space)?,
        };
        self.stack.push((frame, space));
        Ok(())
    }

    /// Reads the root element.
    fn root(&mut self, start: &BytesStart<'_>, ns: Ns) -> Result<Frame, ReadErrorKind> {
        if self.target_language.is_some() {
            return Err(ReadErrorKind::Syntax("a second root element".into()));
        }
        let name = start.name().as_ref().to_owned();
        if start.local_name().as_ref() != "xliff" {
            return Err(ReadErrorKind::Root(name));
        }
        match attribute(start, "version")?.as_deref() {
            Some("2.0" | "2.1") => {}
            other => return Err(ReadErrorKind::Version(other.map(str::to_owned))),
        }
        match ns {
            Ns::Xliff => {}
            Ns::Other(ns) => return Err(ReadErrorKind::Namespace(Some(ns))),
            Ns::None => return Err(ReadErrorKind::Namespace(None)),
        }
        let Some(language) = attribute(start, "trgLang")? else {
            return Err(ReadErrorKind::Structure(
                "the <xliff> root has no trgLang: the import needs the language the file translates into".into(),
            ));
        };
        self.target_language = Some(language);
        Ok(Frame::Xliff)
    }

    /// Reads an element inside `parent`.
    fn child(
        &mut self,
        parent: Frame,
        start: &BytesStart<'_>,
        ns: &Ns,
        position: Position,
        space: Space,
    ) -> Result<Frame, ReadError> {
        let located = |kind| ReadError::new(position, kind);
        match parent {
            Frame::Skip => Ok(Frame::Skip),
            Frame::Empty(name) => Err(located(ReadErrorKind::Inline(format!(
                "<{name}> holds an element: it must be empty"
            )))),
            Frame::Source | Frame::Target | Frame::Marker | Frame::Paired => {
                self.inline(start, ns, space).map_err(located)
            }
            // Modules and extensions hold no target text.
            _ if *ns != Ns::Xliff => Ok(Frame::Skip),
            _ => self.structural(parent, start, position),
        }
    }
}

impl State<'_> {
    /// Reads an XLIFF core element inside `parent`, outside any text.
    fn structural(
        &mut self,
        parent: Frame,
        start: &BytesStart<'_>,
        position: Position,
    ) -> Result<Frame, ReadError> {
        let located = |kind| ReadError::new(position, kind);
        let name = start.local_name().as_ref().to_owned();
        let frame = match (parent, name.as_str()) {
            (Frame::Xliff, "file") => Frame::File,
            (Frame::File | Frame::Group, "group") => Frame::Group,
            (Frame::File, "skeleton" | "notes")
            | (Frame::Group, "notes")
            | (Frame::Unit, "notes" | "originalData")
            | (Frame::Segment, "source") => Frame::Skip,
            (Frame::File | Frame::Group, "unit") => {
                self.open_unit(start, position).map_err(located)?;
                Frame::Unit
            }
            (Frame::Unit, "segment" | "ignorable") => {
                let segment = name == "segment";
                let order = self.unit.as_ref().map_or(0, |u| u.parts.len()) + 1;
                self.part = Some(Part {
                    order,
                    segment,
                    position,
                    source: String::new(),
                    target: None,
                });
                if segment {
                    Frame::Segment
                } else {
                    Frame::Ignorable
                }
            }
            (Frame::Ignorable, "source") => {
                self.collected.clear();
                Frame::Source
            }
            (Frame::Segment | Frame::Ignorable, "target") => {
                self.open_target(start).map_err(located)?;
                Frame::Target
            }
            _ => {
                let message = format!("<{name}> cannot be inside <{}>", parent.name());
                return Err(located(ReadErrorKind::Structure(message)));
            }
        };
        Ok(frame)
    }

    /// Opens a `<unit>`, refusing an id already read.
    fn open_unit(
        &mut self,
        start: &BytesStart<'_>,
        position: Position,
    ) -> Result<(), ReadErrorKind> {
        // No id and an empty one are refused alike, just below.
        let id = attribute(start, "id")?.unwrap_or_default();
        if id.is_empty() {
            return Err(ReadErrorKind::Structure("a <unit> has no id".into()));
        }
        if let Some(first) = self.seen.get(&id) {
            return Err(ReadErrorKind::DuplicateUnit { id, first: *first });
        }
        self.seen.insert(id.clone(), position);
        self.unit = Some(OpenUnit {
            id,
            position,
            parts: Vec::new(),
        });
        Ok(())
    }

    /// Opens a `<target>`, placed by its `order` if it has one.
    fn open_target(&mut self, start: &BytesStart<'_>) -> Result<(), ReadErrorKind> {
        let order = attribute(start, "order")?;
        let Some(part) = self.part.as_mut() else {
            return Err(ReadErrorKind::Structure(
                "a <target> outside a segment".into(),
            ));
        };
        if part.target.is_some() {
            return Err(ReadErrorKind::Structure(
                "a second <target> in one segment".into(),
            ));
        }
        if let Some(order) = order {
            part.order = order.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                ReadErrorKind::Structure(format!(
                    "order=\"{order}\" is not a positive whole number"
                ))
            })?;
        }
        self.collected.clear();
        Ok(())
    }

    /// Reads an inline element inside a target (or an ignorable's source).
    fn inline(
        &mut self,
        start: &BytesStart<'_>,
        ns: &Ns,
        space: Space,
    ) -> Result<Frame, ReadErrorKind> {
        let name = start.name().as_ref().to_owned();
        if let Ns::Other(_) | Ns::None = ns {
            let words = namespace_words(match ns {
                Ns::Other(ns) => Some(ns),
                _ => None,
            });
            return Err(ReadErrorKind::Inline(format!(
                "<{name}> ({words}) inside a <target> is not XLIFF inline content: its text cannot be kept"
            )));
        }
        let equiv = |attr| attribute(start, attr).map(Option::unwrap_or_default);
        let frame = match start.local_name().as_ref() {
            "mrk" => Frame::Marker,
            "pc" => {
                push_text(&mut self.collected, &equiv("equivStart")?, space);
                self.ends.push(equiv("equivEnd")?);
                Frame::Paired
            }
            "sm" => Frame::Empty("sm"),
            "em" => Frame::Empty("em"),
            "sc" => {
                push_text(&mut self.collected, &equiv("equiv")?, space);
                Frame::Empty("sc")
            }
            "ec" => {
                push_text(&mut self.collected, &equiv("equiv")?, space);
                Frame::Empty("ec")
            }
            "ph" => {
                push_text(&mut self.collected, placeholder(&equiv("equiv")?)?, space);
                Frame::Empty("ph")
            }
            "cp" => {
                self.collected.push(code_point(&equiv("hex")?)?);
                Frame::Empty("cp")
            }
            _ => {
                return Err(ReadErrorKind::Inline(format!(
                    "<{name}> is not an XLIFF inline element: its text cannot be kept"
                )));
            }
        };
        Ok(frame)
    }
}

/// The text a `<ph>` stands for: its `equiv`, which must say something.
fn placeholder(equiv: &str) -> Result<&str, ReadErrorKind> {
    if equiv.is_empty() {
        return Err(ReadErrorKind::Inline(
            "a <ph> placeholder with no text equivalent (equiv): what it stands for cannot be written as text".into(),
        ));
    }
    Ok(equiv)
}

/// The character of `<cp hex="…">`.
fn code_point(hex: &str) -> Result<char, ReadErrorKind> {
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| {
            ReadErrorKind::Inline(format!("<cp hex=\"{hex}\"> is not a Unicode code point"))
        })
}

impl State<'_> {
    /// Reads the end of the innermost open element.
    fn end(&mut self) -> Result<(), ReadError> {
        let Some((frame, space)) = self.stack.pop() else {
            return Ok(());
        };
        match frame {
            Frame::Target => {
                let mut target = std::mem::take(&mut self.collected);
                if space == Space::Collapse {
                    target.truncate(target.trim_end_matches(' ').len());
                }
                if let Some(part) = self.part.as_mut() {
                    part.target = Some(target);
                }
            }
            Frame::Source => {
                if let Some(part) = self.part.as_mut() {
                    part.source = std::mem::take(&mut self.collected);
                }
            }
            Frame::Paired => {
                // Every open <pc> pushed its end text.
                let end = self.ends.pop().unwrap_or_default();
                push_text(&mut self.collected, &end, space);
            }
            Frame::Segment | Frame::Ignorable => {
                if let (Some(unit), Some(part)) = (self.unit.as_mut(), self.part.take()) {
                    unit.parts.push(part);
                }
            }
            Frame::Unit => {
                if let Some(unit) = self.unit.take() {
                    let unit = close_unit(unit)?;
                    self.units.push(unit);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads text (or CDATA, which is text too) at byte `offset`.
    fn text(&mut self, text: &str, offset: usize) -> Result<(), ReadError> {
        match self.stack.last().copied() {
            Some((frame, space)) if frame.collects() => {
                push_text(&mut self.collected, text, space);
                Ok(())
            }
            Some((Frame::Skip, _)) => Ok(()),
            _ if text.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r')) => Ok(()),
            Some((Frame::Empty(name), _)) => Err(self.error(
                offset,
                ReadErrorKind::Inline(format!("<{name}> holds text: it must be empty")),
            )),
            Some((frame, _)) => {
                let message = format!(
                    "text in <{}>, outside any <source> or <target>",
                    frame.name()
                );
                Err(self.error(offset, ReadErrorKind::Structure(message)))
            }
            None => Err(self.error(
                offset,
                ReadErrorKind::Syntax("text outside the root element".into()),
            )),
        }
    }

    /// Reads `&name;` or `&#…;` at byte `offset`, resolved by quick-xml:
    /// the five entities of XML, or a character reference.
    fn reference(&mut self, reference: &BytesRef<'_>, offset: usize) -> Result<(), ReadError> {
        let resolved = match reference.resolve_char_ref() {
            Ok(Some(c)) if is_xml_char(c) => c.to_string(),
            Ok(Some(c)) => {
                let message = format!(
                    "&{};: {} is not allowed in XML 1.0",
                    reference.as_ref(),
                    describe(c)
                );
                return Err(self.error(offset, ReadErrorKind::Syntax(message)));
            }
            Ok(None) => {
                let Some(text) = resolve_xml_entity(reference) else {
                    let message = format!(
                        "unknown entity &{};: without a DOCTYPE, XML has only &lt; &gt; &amp; &apos; &quot;",
                        reference.as_ref()
                    );
                    return Err(self.error(offset, ReadErrorKind::Syntax(message)));
                };
                text.to_owned()
            }
            Err(e) => return Err(self.error(offset, ReadErrorKind::Syntax(e.to_string()))),
        };
        self.text(&resolved, offset)
    }

    /// What the whole file said, once it has been read.
    fn finish(mut self) -> Result<Xliff, ReadError> {
        let end = self.cursor.text.len();
        if let Some((frame, _)) = self.stack.last() {
            let message = format!("the file ends inside <{}>", frame.name());
            return Err(self.error(end, ReadErrorKind::Syntax(message)));
        }
        let Some(target_language) = self.target_language else {
            let message = "there is no <xliff> element".to_owned();
            return Err(self.error(end, ReadErrorKind::Root(message)));
        };
        Ok(Xliff {
            target_language,
            units: self.units,
        })
    }
}

/// A unit's translation: its parts' targets in order (an ignorable with
/// no target stands as its source), or `None` when no segment has one.
fn close_unit(unit: OpenUnit) -> Result<Unit, ReadError> {
    let OpenUnit {
        id,
        position,
        mut parts,
    } = unit;
    if !parts.iter().any(|p| p.segment && p.target.is_some()) {
        return Ok(Unit {
            id,
            position,
            target: None,
        });
    }
    if let Some((index, part)) = parts
        .iter()
        .enumerate()
        .find(|(_, p)| p.segment && p.target.is_none())
    {
        return Err(ReadError::new(
            part.position,
            ReadErrorKind::PartialUnit {
                id,
                segment: index + 1,
            },
        ));
    }
    let count = parts.len();
    parts.sort_by_key(|p| p.order);
    let orders_are_a_permutation = parts.iter().enumerate().all(|(i, p)| p.order == i + 1);
    if !orders_are_a_permutation {
        let message =
            format!("unit `{id}`: the order of its targets is not each of 1 to {count} once");
        return Err(ReadError::new(position, ReadErrorKind::Structure(message)));
    }
    let target = parts
        .into_iter()
        .map(|p| p.target.unwrap_or(p.source))
        .collect();
    Ok(Unit {
        id,
        position,
        target: Some(target),
    })
}

/// Appends `text` to `out` under the white-space rule `space`.
fn push_text(out: &mut String, text: &str, space: Space) {
    match space {
        Space::Keep => out.push_str(text),
        Space::Collapse => {
            for c in text.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r') {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                } else {
                    out.push(c);
                }
            }
        }
    }
}

/// The value of attribute `name` of `start`, if it has one.
fn attribute(start: &BytesStart<'_>, name: &str) -> Result<Option<String>, ReadErrorKind> {
    let syntax = |e: &dyn std::fmt::Display| ReadErrorKind::Syntax(e.to_string());
    let Some(attribute) = start.try_get_attribute(name).map_err(|e| syntax(&e))? else {
        return Ok(None);
    };
    let value = attribute
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map_err(|e| syntax(&e))?;
    Ok(Some(value.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An XLIFF 2.0 file whose one unit `title` holds `body`.
    fn file(body: &str) -> String {
        format!(
            "<xliff xmlns=\"{XLIFF_NAMESPACE}\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"f\"><unit id=\"title\">{body}</unit></file></xliff>"
        )
    }

    fn target(body: &str) -> Option<String> {
        let read = read(&file(body)).unwrap();
        read.units.into_iter().next().unwrap().target
    }

    fn refused(text: &str) -> (&'static str, usize, usize) {
        let e = read(text).unwrap_err();
        (e.code(), e.position.line, e.position.column)
    }

    #[test]
    fn segments_and_ignorables_join_in_order() {
        let body = "<segment><source>A.</source><target>Un.</target></segment>\
                    <ignorable><source> </source></ignorable>\
                    <segment><source>B.</source><target>Deux.</target></segment>";
        assert_eq!(target(body).as_deref(), Some("Un. Deux."));
        // `order` places a target among the unit's parts.
        let body = "<segment><source>A</source><target order=\"2\">a</target></segment>\
                    <segment><source>B</source><target order=\"1\">b</target></segment>";
        assert_eq!(target(body).as_deref(), Some("ba"));
        let body = "<segment><source>A</source><target order=\"1\">a</target></segment>\
                    <segment><source>B</source><target order=\"1\">b</target></segment>";
        assert_eq!(refused(&file(body)).0, "xliff-structure");
        // No target anywhere: the unit is not translated.
        assert_eq!(target("<segment><source>A</source></segment>"), None);
    }

    #[test]
    fn a_unit_translated_in_part_is_refused_at_its_untranslated_segment() {
        let text = file(
            "<segment><source>A</source><target>a</target></segment>\n<segment><source>B</source></segment>",
        );
        let e = read(&text).unwrap_err();
        assert_eq!(
            (e.code(), e.position.line, e.position.column),
            ("xliff-partial-unit", 2, 1)
        );
        assert!(e.to_string().contains("segment 2 has no <target>"));
    }

    #[test]
    fn white_space_is_kept_unless_xml_space_says_default() {
        let kept = "<segment><source>A</source><target>  a\n b  </target></segment>";
        assert_eq!(target(kept).as_deref(), Some("  a\n b  "));
        let collapsed = "<segment><source>A</source><target xml:space=\"default\">  a\n <mrk id=\"m\"> b </mrk>  </target></segment>";
        assert_eq!(target(collapsed).as_deref(), Some("a b"));
        let inner = "<segment xml:space=\"default\"><source>A</source><target xml:space=\"preserve\"> a  b </target></segment>";
        assert_eq!(target(inner).as_deref(), Some(" a  b "));
    }

    #[test]
    fn inline_elements_keep_their_text_or_are_refused() {
        let body = |t: &str| format!("<segment><source>A</source><target>{t}</target></segment>");
        let kept = body(
            "<pc id=\"1\" equivStart=\"[\" equivEnd=\"]\">x</pc><sc id=\"2\"/>y<ec startRef=\"2\"/><ph id=\"3\" equiv=\"{0}\"/><cp hex=\"9\"/><sm id=\"4\"/>z<em startRef=\"4\"/>",
        );
        assert_eq!(target(&kept).as_deref(), Some("[x]y{0}\tz"));
        assert_eq!(refused(&file(&body("<ph id=\"1\"/>"))).0, "xliff-inline");
        assert_eq!(refused(&file(&body("<b>x</b>"))).0, "xliff-inline");
        assert_eq!(
            refused(&file(&body("<ph id=\"1\" equiv=\"x\">y</ph>"))).0,
            "xliff-inline"
        );
        assert_eq!(
            refused(&file(&body("<cp hex=\"D800\"/>"))).0,
            "xliff-inline"
        );
    }

    #[test]
    fn references_are_resolved_by_the_parser_and_checked() {
        let body = |t: &str| format!("<segment><source>A</source><target>{t}</target></segment>");
        let text = body("&lt;&#x2019;&#233;&amp;<![CDATA[<&>]]>&#xD;");
        assert_eq!(target(&text).as_deref(), Some("<’é&<&>\r"));
        assert_eq!(refused(&file(&body("&#1;"))).0, "xliff-syntax");
        assert_eq!(refused(&file(&body("&nbsp;"))).0, "xliff-syntax");
        assert_eq!(refused(&file(&body("a\u{0}"))).0, "xliff-syntax");
    }

    #[test]
    fn the_root_is_xliff_2_in_its_namespace() {
        assert_eq!(
            refused("<xliff version=\"2.0\" trgLang=\"fr\"/>"),
            ("xliff-namespace", 1, 1)
        );
        assert_eq!(refused("\n<x/>"), ("xliff-root", 2, 1));
        let v21 = file("").replace("version=\"2.0\"", "version=\"2.1\"");
        assert!(read(&v21).is_ok());
        let v3 = file("").replace("version=\"2.0\"", "version=\"3.0\"");
        assert_eq!(refused(&v3).0, "xliff-version");
        let no_language = file("").replace(" trgLang=\"fr\"", "");
        assert_eq!(refused(&no_language).0, "xliff-structure");
        assert_eq!(refused(&file("<unit id=\"x\"/>")).0, "xliff-structure");
    }

    #[test]
    fn positions_count_characters_as_for_data_files() {
        let text = format!(
            "<!-- é\r\n中文 -->\r\n  {}",
            file("").replace("<unit", "<unit/><unit")
        );
        let e = read(&text).unwrap_err();
        let index = LineIndex::new(&text);
        assert_eq!(e.position, index.position(&text, e.position.offset));
        assert_eq!((e.position.line, e.position.column), (3, 109));
    }

    #[test]
    fn bytes_are_decoded_from_utf8_or_utf16_with_a_mark() {
        let text = "<x>é😀</x>";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&[b"\xFF\xFE".as_slice(), &le].concat()).unwrap(),
            text
        );
        assert_eq!(
            decode(&[b"\xFE\xFF".as_slice(), &be].concat()).unwrap(),
            text
        );
        assert_eq!(
            decode(&[b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()).unwrap(),
            text
        );
        assert_eq!(decode(&be).unwrap_err().code(), "xliff-encoding");
        let e = decode(b"<x>\n\xC3\xA9\xFF</x>").unwrap_err();
        assert_eq!(
            (e.code(), e.position.line, e.position.column),
            ("xliff-encoding", 2, 2)
        );
        let lone = [0xFF, 0xFE, b'<', 0, 0x00, 0xD8, b'>', 0];
        assert_eq!(decode(&lone).unwrap_err().code(), "xliff-encoding");
    }

    #[test]
    fn xml_characters_are_those_of_xml_1_0() {
        assert!(
            ['\t', '\n', '\r', ' ', '\u{FFFD}', '\u{10000}']
                .iter()
                .all(|c| is_xml_char(*c))
        );
        assert!(
            !['\0', '\u{1}', '\u{1F}', '\u{FFFE}', '\u{FFFF}']
                .iter()
                .any(|c| is_xml_char(*c))
        );
        assert_eq!(text("a\rb<").into_inner(), "a&#13;b&lt;");
        let read = target(&format!(
            "<segment><source>A</source><target>{}</target></segment>",
            text("a\r\nb").into_inner()
        ));
        assert_eq!(read.as_deref(), Some("a\r\nb"));
    }
}
