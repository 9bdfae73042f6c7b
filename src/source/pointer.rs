//! Owns the spelling of JSON Pointers (RFC 6901): a key escaped into a
//! pointer segment, and a pointer split back into the keys it names.

use std::borrow::Cow;

/// `key` as one pointer segment: `~` written `~0`, then `/` written `~1`.
pub fn escape(key: &str) -> Cow<'_, str> {
    if key.contains(['~', '/']) {
        Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(key)
    }
}

/// The key a pointer segment names: the inverse of [`escape`], `~1` read
/// as `/` before `~0` is read as `~`.
pub fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The pointer of member `key` of the value at `parent`.
pub fn join(parent: &str, key: &str) -> String {
    format!("{parent}/{}", escape(key))
}

/// The keys `pointer` names, in order, unescaped (none for `""`, the whole
/// value).
pub fn split(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(unescape).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_inverts_escape() {
        for key in ["plain", "a/b", "a~b", "~1", "~0/", "/~", "", "人/~01"] {
            assert_eq!(unescape(&escape(key)), key, "{key:?}");
        }
        assert_eq!(escape("a~/b"), "a~0~1b");
        assert_eq!(join("/x", "a/b"), "/x/a~1b");
        assert_eq!(split("/a~1b/0/~01"), ["a/b", "0", "~1"]);
        assert!(split("").is_empty());
    }
}
