//! Defines `Iri`, an absolute IRI (RFC 3987) checked where it comes in —
//! from `--base-iri` or a field of `data/catalog.json` — with a scheme the
//! field allows, so every export can write it as it is. `IriError` says in
//! plain words what is wrong with a value; the flag and the catalog rule
//! `catalog-iri` print the same words.

use std::fmt::{self, Write as _};

/// An absolute IRI whose syntax and scheme were checked.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Iri(String);

/// The text of [`Iri::default_base`], a valid base IRI.
pub(crate) const DEFAULT_BASE: &str = "https://example.org/initiative/";

/// Which schemes a field allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schemes {
    /// `http` and `https`: web pages and identifiers.
    Web,
    /// `mailto`: a contact.
    Mail,
}

impl Schemes {
    fn allows(self, scheme: &str) -> bool {
        let scheme = scheme.to_ascii_lowercase();
        match self {
            Self::Web => scheme == "http" || scheme == "https",
            Self::Mail => scheme == "mailto",
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Self::Web => "a web IRI",
            Self::Mail => "a mailto IRI",
        }
    }

    fn names(self) -> &'static str {
        match self {
            Self::Web => "`https:` or `http:`",
            Self::Mail => "`mailto:`",
        }
    }
}

/// What is wrong with a value given as an IRI.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` {problem}")]
pub struct IriError {
    /// The value as given.
    pub value: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// The reasons a value is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// A character IRIs forbid, which must be percent-encoded.
    #[error("is not an IRI: {} is not allowed in an IRI; percent-encode it as {}", name(*.0), percent(*.0))]
    Character(char),
    /// No `scheme:` at the start.
    #[error("is not an IRI: it has no scheme; write it whole, starting with `https://`")]
    NoScheme,
    /// A scheme the field does not allow.
    #[error("is not {kind}: the scheme `{scheme}:` is not allowed here; use {names}", kind = .1.kind(), scheme = .0, names = .1.names())]
    Scheme(String, Schemes),
    /// A web IRI without a host.
    #[error("is not a web IRI: it names no host; write it as `https://host/…`")]
    NoHost,
    /// A base IRI that does not end in `/`.
    #[error("is not a base IRI: it must end in `/`, so the exports' paths can follow it")]
    NoSlash,
    /// A contact that is not an e-mail address.
    #[error("is not an e-mail address: it needs a name, `@` and a domain")]
    NotEmail,
    /// Any other syntax error, as the IRI parser words it.
    #[error("is not an IRI: {0}")]
    Syntax(String),
}

impl IriError {
    /// What to do about it, in plain words.
    pub fn hint(&self) -> &'static str {
        match self.problem {
            Problem::Character(_) => {
                "percent-encode the character (`%` and its UTF-8 bytes in hex)"
            }
            Problem::NoScheme | Problem::NoHost => {
                "write the whole IRI, e.g. https://data.example.gov/initiative/"
            }
            Problem::Scheme(_, Schemes::Web) => "give a web address: http or https",
            Problem::Scheme(_, Schemes::Mail) | Problem::NotEmail => {
                "give an e-mail address such as open-data@example.gov"
            }
            Problem::NoSlash => "add `/` at the end",
            Problem::Syntax(_) => "write an absolute IRI (RFC 3987)",
        }
    }
}

impl Iri {
    /// Checks `value` as an absolute IRI with a scheme in `schemes`.
    pub fn parse(value: &str, schemes: Schemes) -> Result<Self, IriError> {
        let refuse = |problem| IriError {
            value: value.to_owned(),
            problem,
        };
        if let Some(c) = value.chars().find(|c| forbidden(*c)) {
            return Err(refuse(Problem::Character(c)));
        }
        let Some((scheme, rest)) = value.split_once(':').filter(|(s, _)| is_scheme(s)) else {
            return Err(refuse(Problem::NoScheme));
        };
        if !schemes.allows(scheme) {
            return Err(refuse(Problem::Scheme(scheme.to_owned(), schemes)));
        }
        let iri = oxiri::Iri::parse(value).map_err(|e| refuse(Problem::Syntax(e.to_string())))?;
        if schemes == Schemes::Web && iri.authority().is_none_or(|a| host(a).is_empty()) {
            return Err(refuse(Problem::NoHost));
        }
        if schemes == Schemes::Mail && !rest.contains('@') {
            return Err(refuse(Problem::NotEmail));
        }
        Ok(Self(value.to_owned()))
    }

    /// Checks `value` as a web IRI (http or https).
    pub fn web(value: &str) -> Result<Self, IriError> {
        Self::parse(value, Schemes::Web)
    }

    /// Checks `value` as the IRI the exports are published under: a web
    /// IRI ending in `/`.
    pub fn base(value: &str) -> Result<Self, IriError> {
        let iri = Self::web(value)?;
        if value.ends_with('/') {
            Ok(iri)
        } else {
            Err(IriError {
                value: value.to_owned(),
                problem: Problem::NoSlash,
            })
        }
    }

    /// The `mailto:` IRI of an e-mail address (or a `mailto:` IRI given
    /// whole), with the address percent-encoded where RFC 6068 requires.
    pub fn mailto(address: &str) -> Result<Self, IriError> {
        if address
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
        {
            return Self::parse(address, Schemes::Mail);
        }
        let not_email = || IriError {
            value: address.to_owned(),
            problem: Problem::NotEmail,
        };
        let (local, domain) = address.rsplit_once('@').ok_or_else(not_email)?;
        if local.is_empty() || domain.is_empty() {
            return Err(not_email());
        }
        let iri = format!("mailto:{}@{}", encode(local), encode(domain));
        Self::parse(&iri, Schemes::Mail)
    }

    /// The base IRI exports use when none is given: the placeholder
    /// `https://example.org/initiative/`, under a domain reserved for
    /// examples (RFC 2606).
    pub fn default_base() -> Self {
        Self(DEFAULT_BASE.to_owned())
    }

    /// The IRI as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Iri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for Iri {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Iri {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An ASCII character no IRI may hold as it is: controls, space, `"`,
/// `<`, `>`, `\`, `^`, the backtick, `{`, `|` and `}`.
fn forbidden(c: char) -> bool {
    c.is_ascii_control()
        || matches!(
            c,
            ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'
        )
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The host of an authority, without user information and port.
fn host(authority: &str) -> &str {
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host.starts_with('[') {
        return host;
    }
    host.split_once(':').map_or(host, |(h, _)| h)
}

/// `{` as people read it in a message: a space and a line break by name.
fn name(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\n' | '\r' => "a line break".to_owned(),
        '\t' => "a tab".to_owned(),
        c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

/// The percent-encoding of `c`: `%7B`.
fn percent(c: char) -> String {
    let mut buf = [0; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .fold(String::new(), |mut out, b| {
            let _ = write!(out, "%{b:02X}");
            out
        })
}

/// A part of an e-mail address as RFC 6068 writes it in a `mailto:` IRI:
/// everything but the unreserved characters and `some-delims` (less `@`)
/// percent-encoded.
fn encode(part: &str) -> String {
    part.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-._~!$'()*+,;:".contains(c) {
                c.to_string()
            } else {
                percent(c)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(value: &str) -> Problem {
        Iri::base(value).map_or_else(|e| e.problem, |iri| panic!("{iri} accepted"))
    }

    #[test]
    fn hostile_iris_are_refused_in_plain_words() {
        for (value, c) in [
            ("https://example.org/{x}/", '{'),
            ("https://example.org/}/", '}'),
            ("https://example.org/|/", '|'),
            ("https://example.org/\"/", '"'),
            ("https://example.org/>/", '>'),
            ("https://example.org/\\/", '\\'),
            ("https://example.org/\n/", '\n'),
            ("https://example.org/a b/", ' '),
        ] {
            assert_eq!(problem(value), Problem::Character(c), "{value:?}");
        }
        let error = Iri::base("https://example.org/{x}/").err();
        assert_eq!(
            error.map(|e| e.to_string()).as_deref(),
            Some(
                "`https://example.org/{x}/` is not an IRI: `{` is not allowed in an IRI; percent-encode it as %7B"
            )
        );
        assert_eq!(
            problem("javascript:alert(1)"),
            Problem::Scheme("javascript".into(), Schemes::Web)
        );
        assert_eq!(problem("example.org/"), Problem::NoScheme);
        assert_eq!(problem("https://example.org/x"), Problem::NoSlash);
        assert_eq!(problem("https:///x/"), Problem::NoHost);
        for scheme in ["data:text/html,x/", "file:///etc/"] {
            assert!(matches!(problem(scheme), Problem::Scheme(..)), "{scheme}");
        }
    }

    #[test]
    fn the_default_base_is_a_base_iri() {
        assert_eq!(Iri::base(DEFAULT_BASE).ok(), Some(Iri::default_base()));
    }

    #[test]
    fn web_iris_pass_as_they_are() {
        for value in [
            "https://example.org/initiative/",
            "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
            "https://例え.jp/データ/",
            "HTTPS://example.org/a%7Bb/",
        ] {
            assert_eq!(
                Iri::web(value).map(|i| i.to_string()).ok().as_deref(),
                Some(value)
            );
        }
    }

    #[test]
    fn an_address_becomes_a_percent_encoded_mailto_iri() {
        let iri = |a: &str| Iri::mailto(a).map(|i| i.to_string());
        assert_eq!(
            iri("open-data@example.org").ok().as_deref(),
            Some("mailto:open-data@example.org")
        );
        assert_eq!(
            iri("\"a b\"@x.test").ok().as_deref(),
            Some("mailto:%22a%20b%22@x.test")
        );
        assert_eq!(
            iri("a%b?c@x.test").ok().as_deref(),
            Some("mailto:a%25b%3Fc@x.test")
        );
        assert!(iri("no-at-sign").is_err());
        assert!(iri("javascript:alert(1)").is_err());
    }
}
