//! Defines `Date` and `DateTime`, calendar values kept exactly as written.
//!
//! They stay strings: the schema's `format` checks them, and keeping the
//! text avoids a time-zone library deciding how `+08:00` is printed back.
//! Where times are compared, [`DateTime::instant`] parses them: as text,
//! `23:00+08:00` would sort after `16:00Z`, which it precedes.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// A calendar date, RFC 3339 `full-date` (`2026-05-12`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Date(String);

/// A date and time with its UTC offset, RFC 3339 `date-time`
/// (`2026-05-12T22:39:00+08:00`). It has no order of its own: compare
/// [`DateTime::instant`]s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DateTime(String);

impl Date {
    /// Wraps a date without checking it; validation checks every date in data.
    pub fn new(date: impl Into<String>) -> Self {
        Self(date.into())
    }

    /// The date as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The year, month and day, if the text is a well-formed date.
    pub fn parts(&self) -> Option<(u32, u32, u32)> {
        let mut it = self.0.splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        Some((year, month, day))
    }
}

impl DateTime {
    /// Wraps a date-time without checking it; validation checks it.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The date-time as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The instant it names, or `None` when the text is not an RFC 3339
    /// date-time.
    pub fn instant(&self) -> Option<time::OffsetDateTime> {
        time::OffsetDateTime::parse(&self.0, &time::format_description::well_known::Rfc3339).ok()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Date",
            "description": "A calendar date, `YYYY-MM-DD` (RFC 3339 full-date).",
            "type": "string",
            "format": "date",
        })
    }
}

impl JsonSchema for DateTime {
    fn schema_name() -> Cow<'static, str> {
        "DateTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Date and time",
            "description": "A date and time with its UTC offset, e.g. `2026-05-12T22:39:00+08:00` (RFC 3339 date-time).",
            "type": "string",
            "format": "date-time",
        })
    }
}
