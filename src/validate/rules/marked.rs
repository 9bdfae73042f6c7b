//! Finds the bytes of a text a rule must look at, 32 at a time: most text
//! holds nothing a rule looks for, and a block of it is passed over with
//! one vectorized comparison instead of a character decoded at a time.

/// How many bytes are compared at once.
const BLOCK: usize = 32;

/// The offsets of the bytes of `bytes` for which `mark` holds, in order.
/// `mark` must be a plain comparison of the byte (no state), so a block
/// is compared whole.
fn marked<F>(bytes: &[u8], mark: F) -> impl Iterator<Item = usize> + '_
where
    F: Fn(u8) -> bool + Copy + 'static,
{
    bytes
        .chunks(BLOCK)
        .enumerate()
        .filter(move |(_, block)| block.iter().fold(false, |any, &b| any | mark(b)))
        .flat_map(move |(k, block)| {
            block
                .iter()
                .enumerate()
                .filter(move |&(_, &b)| mark(b))
                .map(move |(j, _)| k * BLOCK + j)
        })
}

/// The characters of `text` whose first byte `mark` holds for: where each
/// starts, and the text from it on. `mark` must hold for no continuation
/// byte (`0x80`–`0xBF`), so each offset starts a character.
pub(super) fn marked_chars<F>(text: &str, mark: F) -> impl Iterator<Item = (usize, &str)>
where
    F: Fn(u8) -> bool + Copy + 'static,
{
    marked(text.as_bytes(), mark).filter_map(|i| text.get(i..).map(|rest| (i, rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marked_byte_is_found_once_in_order() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 37 % 251) as u8).collect();
        let mark = |b: u8| b.is_multiple_of(7) || b > 240;
        let expected: Vec<usize> = (0..bytes.len()).filter(|&i| mark(bytes[i])).collect();
        assert_eq!(marked(&bytes, mark).collect::<Vec<_>>(), expected);
        assert_eq!(marked(&[], mark).count(), 0);
    }
}
