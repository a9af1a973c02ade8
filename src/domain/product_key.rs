//! Product keys: the 25-character format, its Luhn mod 24 check character, and display forms.

use std::fmt;

/// The 24 characters a key is made of; a character's code point is its index here.
pub const ALPHABET: &[u8; 24] = b"BCDFGHJKMPQRTVWXY2346789";
const N: u32 = ALPHABET.len() as u32;
/// Characters in a key, the check character included.
pub const LENGTH: usize = 25;

/// Why a typed key was rejected before any lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormatError {
    /// Wrong length or a character outside the alphabet.
    Format,
    /// Well-formed, but the check character does not match: a typing mistake.
    Checksum,
}

/// A well-formed key with a valid check character, held in canonical form (25 upper-case
/// characters, no separators).
#[derive(Clone, PartialEq, Eq)]
pub struct ProductKey(String);

fn code_point(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|i| i as u32)
}

/// Luhn mod N over code points: the sum that a valid key (check character included) makes
/// divisible by N. `double_first` says whether the rightmost code point is doubled.
fn luhn_sum(points: impl DoubleEndedIterator<Item = u32>, double_first: bool) -> u32 {
    let mut double = double_first;
    let mut sum = 0;
    for p in points.rev() {
        let addend = if double { 2 * p } else { p };
        sum += addend / N + addend % N;
        double = !double;
    }
    sum
}

/// The check character for a 24-character body.
pub fn check_character(body: &[u8]) -> u8 {
    let points = body.iter().map(|&c| code_point(c).expect("body is in the alphabet"));
    let remainder = luhn_sum(points, true) % N;
    ALPHABET[((N - remainder) % N) as usize]
}

impl ProductKey {
    /// Parses what a person typed: case-insensitive, ASCII white space and hyphens ignored
    /// (`formats::PRODUCT_KEY` is the same grammar as a pattern).
    pub fn parse(input: &str) -> Result<Self, KeyFormatError> {
        let canonical: String =
            input.chars().filter(|c| !c.is_ascii_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        if canonical.len() != LENGTH || !canonical.bytes().all(|b| code_point(b).is_some()) {
            return Err(KeyFormatError::Format);
        }
        let points = canonical.bytes().map(|b| code_point(b).expect("checked above"));
        if luhn_sum(points, false) % N != 0 {
            return Err(KeyFormatError::Checksum);
        }
        Ok(Self(canonical))
    }

    /// A new key from 24 random code points.
    pub fn from_random_body(points: [u8; 24]) -> Self {
        let mut key: Vec<u8> = points.iter().map(|&p| ALPHABET[(p as u32 % N) as usize]).collect();
        key.push(check_character(&key));
        Self(String::from_utf8(key).expect("alphabet is ASCII"))
    }

    /// The canonical form (no separators), which is what gets digested.
    pub fn canonical(&self) -> &str {
        &self.0
    }

    /// The last five characters, kept for display.
    pub fn last_five(&self) -> &str {
        &self.0[LENGTH - 5..]
    }

    /// `*****-*****-*****-*****-7QX9F`.
    pub fn masked(last_five: &str) -> String {
        format!("*****-*****-*****-*****-{last_five}")
    }
}

/// Five groups of five joined by hyphens, as printed on a card.
impl fmt::Display for ProductKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, group) in self.0.as_bytes().chunks(5).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(group).expect("ASCII"))?;
        }
        Ok(())
    }
}

/// Never prints the key itself: keys are secrets.
impl fmt::Debug for ProductKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProductKey({})", Self::masked(self.last_five()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ProductKey {
        ProductKey::from_random_body(std::array::from_fn(|i| (i * 7 + 3) as u8))
    }

    #[test]
    fn generated_keys_validate_and_display_in_groups() {
        let key = sample();
        let shown = key.to_string();
        assert_eq!(shown.len(), 29);
        assert_eq!(shown.matches('-').count(), 4);
        assert_eq!(ProductKey::parse(&shown).unwrap(), key);
        assert_eq!(ProductKey::masked(key.last_five()).len(), 29);
    }

    #[test]
    fn normalisation_accepts_lower_case_spaces_and_missing_hyphens() {
        let key = sample();
        let canonical = key.canonical().to_string();
        assert_eq!(ProductKey::parse(&canonical).unwrap(), key);
        assert_eq!(ProductKey::parse(&canonical.to_lowercase()).unwrap(), key);
        let spaced: String = key.to_string().replace('-', " ");
        assert_eq!(ProductKey::parse(&spaced).unwrap(), key);
        assert_eq!(ProductKey::parse(&format!("  {}  ", key.to_string().to_lowercase())).unwrap(), key);
    }

    #[test]
    fn wrong_length_and_foreign_characters_are_format_errors() {
        let key = sample().canonical().to_string();
        assert_eq!(ProductKey::parse(&key[..24]), Err(KeyFormatError::Format));
        assert_eq!(ProductKey::parse(&format!("{key}B")), Err(KeyFormatError::Format));
        assert_eq!(ProductKey::parse(""), Err(KeyFormatError::Format));
        for foreign in ['A', 'E', 'I', 'O', 'U', 'L', 'N', 'S', 'Z', '0', '1', '5', 'é', '*'] {
            let typed: String = format!("{foreign}{}", &key[1..]);
            assert_eq!(ProductKey::parse(&typed), Err(KeyFormatError::Format), "{typed}");
        }
    }

    #[test]
    fn every_single_character_substitution_is_rejected() {
        for seed in 0..24u8 {
            let key = ProductKey::from_random_body(std::array::from_fn(|i| (i as u8 * 5 + seed) % 24));
            let bytes = key.canonical().as_bytes().to_vec();
            for pos in 0..LENGTH {
                for &other in ALPHABET.iter().filter(|&&c| c != bytes[pos]) {
                    let mut typo = bytes.clone();
                    typo[pos] = other;
                    let typo = String::from_utf8(typo).unwrap();
                    assert_eq!(ProductKey::parse(&typo), Err(KeyFormatError::Checksum), "{typo}");
                }
            }
        }
    }

    /// A valid key whose characters at `pos` and `pos + 1` are `a` and `b`.
    fn key_with_pair(pos: usize, a: u8, b: u8) -> Vec<u8> {
        let mut body: Vec<u8> = (0..24).map(|i| ALPHABET[(i * 11 + 5) % 24]).collect();
        body[pos] = a;
        if pos + 1 < 24 {
            body[pos + 1] = b;
            body.push(check_character(&body));
            return body;
        }
        // `b` must be the check character: vary the first character until it is (each of
        // the 24 choices gives a different check character).
        for &first in ALPHABET.iter() {
            body[0] = first;
            if check_character(&body) == b {
                body.push(b);
                return body;
            }
        }
        unreachable!("every check character is reachable")
    }

    #[test]
    fn every_adjacent_transposition_is_rejected_except_b_and_9() {
        for &a in ALPHABET.iter() {
            for &b in ALPHABET.iter().filter(|&&b| b != a) {
                for pos in 0..LENGTH - 1 {
                    let mut key = key_with_pair(pos, a, b);
                    assert!(ProductKey::parse(std::str::from_utf8(&key).unwrap()).is_ok());
                    key.swap(pos, pos + 1);
                    let swapped = String::from_utf8(key).unwrap();
                    let result = ProductKey::parse(&swapped);
                    if matches!((a, b), (b'B', b'9') | (b'9', b'B')) {
                        assert!(result.is_ok(), "B<->9 is the one swap Luhn mod N cannot see");
                    } else {
                        assert_eq!(result, Err(KeyFormatError::Checksum), "{swapped}");
                    }
                }
            }
        }
    }
}
