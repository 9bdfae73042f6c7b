//! Checks the two Well-Known Text geometries the catalog may give for a
//! country the datasets cover: a `POLYGON` (its bounding box) and a
//! `POINT` (its centroid), in longitude–latitude order (CRS84, GeoSPARQL's
//! default), keywords in capitals as the schema has them. Only the shape is checked: each position is two finite
//! numbers within the ranges of longitude and latitude, and each ring is
//! closed. Nothing is computed from or added to the text.

use std::fmt;

/// Why a WKT text is not the geometry its field asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WktError(String);

impl fmt::Display for WktError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WktError {}

fn error(message: impl Into<String>) -> WktError {
    WktError(message.into())
}

/// Checks `text` as a WKT `POLYGON((lon lat, …), …)`.
pub fn check_polygon(text: &str) -> Result<(), WktError> {
    let body = tagged(text, "POLYGON")?;
    for ring in split_top(body)? {
        let inner = parenthesized(ring)
            .ok_or_else(|| error(format!("the ring `{}` is not in parentheses", ring.trim())))?;
        let positions = inner
            .split(',')
            .map(position)
            .collect::<Result<Vec<_>, _>>()?;
        if positions.len() < 4 {
            return Err(error(format!(
                "the ring `({})` has {} positions; a polygon's ring needs at least 4",
                inner.trim(),
                positions.len()
            )));
        }
        if positions.first() != positions.last() {
            return Err(error(format!(
                "the ring `({})` is not closed: its last position must repeat its first",
                inner.trim()
            )));
        }
    }
    Ok(())
}

/// Checks `text` as a WKT `POINT(lon lat)`.
pub fn check_point(text: &str) -> Result<(), WktError> {
    position(tagged(text, "POINT")?).map(|_| ())
}

/// The text between the outer parentheses after the keyword `tag`.
fn tagged<'a>(text: &'a str, tag: &str) -> Result<&'a str, WktError> {
    let trimmed = text.trim();
    let rest = trimmed
        .strip_prefix(tag)
        .ok_or_else(|| error(format!("`{trimmed}` is not a WKT {tag}")))?;
    parenthesized(rest).ok_or_else(|| {
        error(format!(
            "`{trimmed}` is not a WKT {tag}: the coordinates must follow in parentheses"
        ))
    })
}

fn parenthesized(text: &str) -> Option<&str> {
    text.trim().strip_prefix('(')?.strip_suffix(')')
}

/// `text` split at the commas outside parentheses.
fn split_top(text: &str) -> Result<Vec<&str>, WktError> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| error("a `)` closes no parenthesis"))?;
            }
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err(error("a `(` is never closed"));
    }
    parts.push(&text[start..]);
    Ok(parts)
}

/// A position: a longitude and a latitude, as written.
fn position(text: &str) -> Result<(String, String), WktError> {
    let numbers: Vec<&str> = text.split_whitespace().collect();
    let [lon, lat] = numbers.as_slice() else {
        return Err(error(format!(
            "the position `{}` is not a longitude and a latitude",
            text.trim()
        )));
    };
    coordinate(lon, 180.0, "longitude")?;
    coordinate(lat, 90.0, "latitude")?;
    Ok(((*lon).to_owned(), (*lat).to_owned()))
}

fn coordinate(text: &str, limit: f64, what: &str) -> Result<(), WktError> {
    let numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'));
    let value = text
        .parse::<f64>()
        .ok()
        .filter(|v| numeric && v.is_finite());
    match value {
        Some(v) if v.abs() <= limit => Ok(()),
        Some(_) => Err(error(format!(
            "the {what} `{text}` is outside -{limit}..{limit}"
        ))),
        None => Err(error(format!("the {what} `{text}` is not a number"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_geometries_pass() {
        assert_eq!(
            check_polygon("POLYGON((73.5 18.1, 134.8 18.1, 134.8 53.6, 73.5 53.6, 73.5 18.1))"),
            Ok(())
        );
        assert_eq!(check_point(" POINT (104.2 35.9) "), Ok(()));
    }

    #[test]
    fn malformed_geometries_are_refused() {
        for bad in [
            "POINT(1 2)",
            "POLYGON((0 0, 1 0, 1 1, 0 0)",
            "POLYGON((0 0, 1 0, 1 1, 0 1))",
            "POLYGON((0 0, 1 0, 0 0))",
            "POLYGON((0 0, 1 x, 1 1, 0 0))",
            "POLYGON((0 0, 1 0, 1 91, 0 0))",
        ] {
            assert!(check_polygon(bad).is_err(), "{bad}");
        }
        for bad in [
            "POINT(1)",
            "POINT(nan 2)",
            "POINT(200 0)",
            "POLYGON((0 0))",
            "POINT 1 2",
            "point(1 2)",
        ] {
            assert!(check_point(bad).is_err(), "{bad}");
        }
    }
}
