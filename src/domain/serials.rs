//! Card serials (SPEC §13): printed on the outside of a card, not secret. Twelve digits: the
//! batch's number (six, sequential across the platform), then the card's position in its
//! batch (six, from `000001`). Ranges name consecutive cards of one batch.

use std::collections::BTreeSet;

/// Cards one request may name (by serials and ranges together).
pub const MAX_CARDS: u64 = 100_000;

const POSITIONS: u64 = 1_000_000;

/// A card's serial, as the number stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Serial(pub i64);

impl Serial {
    /// The serial of the card at `position` (from 1) of batch `number`.
    pub fn of(number: i32, position: u64) -> Self {
        Serial(i64::from(number) * POSITIONS as i64 + position as i64)
    }

    /// Twelve digits (the pattern of `domain::formats::SERIAL`), else `None`.
    pub fn parse(text: &str) -> Option<Self> {
        (text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok().map(Serial))
            .flatten()
            .filter(|s| s.position() > 0)
    }

    pub fn batch(self) -> i64 {
        self.0 / POSITIONS as i64
    }

    pub fn position(self) -> i64 {
        self.0 % POSITIONS as i64
    }
}

impl std::fmt::Display for Serial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:012}", self.0)
    }
}

/// Why a set of serials and ranges cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A field that is not right on its own (`field`, what is wrong): 422 `validation-failed`.
    Field(String, String),
    /// A range across batches, backwards, or naming too many cards: 422 `invalid-serial-range`.
    Range(String),
}

/// The cards named by `serials` and `ranges` (each `(from, to)`), as inclusive spans of
/// consecutive serials, in order, never more than [`MAX_CARDS`] in all. A serial named twice
/// (directly or through a range) is refused: the caller meant something else.
pub fn spans(serials: &[String], ranges: &[(String, String)]) -> Result<Vec<(Serial, Serial)>, Refusal> {
    let mut spans = Vec::new();
    for (i, text) in serials.iter().enumerate() {
        let serial = Serial::parse(text)
            .ok_or_else(|| Refusal::Field(format!("serials[{i}]"), "must be a card serial: 12 digits".into()))?;
        spans.push((serial, serial));
    }
    for (i, (from, to)) in ranges.iter().enumerate() {
        let parse = |text: &str, end: &str| {
            Serial::parse(text)
                .ok_or_else(|| Refusal::Field(format!("ranges[{i}].{end}"), "must be a card serial: 12 digits".into()))
        };
        let (from, to) = (parse(from, "from")?, parse(to, "to")?);
        if from.batch() != to.batch() {
            return Err(Refusal::Range(format!(
                "ranges[{i}] runs across batches ({from} to {to}); one range, one batch"
            )));
        }
        if to < from {
            return Err(Refusal::Range(format!("ranges[{i}] runs backwards ({from} to {to})")));
        }
        if (to.0 - from.0) as u64 >= MAX_CARDS {
            return Err(Refusal::Range(format!("ranges[{i}] names more than {MAX_CARDS} cards")));
        }
        spans.push((from, to));
    }
    if spans.is_empty() {
        return Err(Refusal::Field("serials".into(), "name the cards by serials or ranges".into()));
    }
    spans.sort();
    let mut total: u64 = 0;
    for pair in spans.windows(2) {
        if pair[1].0 <= pair[0].1 {
            return Err(Refusal::Field("serials".into(), format!("card {} is named twice", pair[1].0)));
        }
    }
    for (from, to) in &spans {
        total += (to.0 - from.0) as u64 + 1;
    }
    if total > MAX_CARDS {
        return Err(Refusal::Range(format!("{total} cards named; at most {MAX_CARDS} a request")));
    }
    Ok(spans)
}

/// The distinct serials of `spans` that are not among `found`, at most `limit`, in order.
pub fn missing(spans: &[(Serial, Serial)], found: &BTreeSet<i64>, limit: usize) -> Vec<Serial> {
    spans
        .iter()
        .flat_map(|(from, to)| (from.0..=to.0).map(Serial))
        .filter(|s| !found.contains(&s.0))
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> String {
        v.to_string()
    }

    #[test]
    fn serials_are_twelve_digits_of_batch_and_position() {
        let serial = Serial::of(7, 42);
        assert_eq!(serial.to_string(), "000007000042");
        assert_eq!(Serial::parse("000007000042"), Some(serial));
        assert_eq!((serial.batch(), serial.position()), (7, 42));
        for bad in ["7000042", "00000700004a", "0000070000420", "000007000000", " 00007000042"] {
            assert_eq!(Serial::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ranges_stay_in_one_batch_run_forwards_and_are_bounded() {
        let ok = spans(&[s("000001000010")], &[(s("000001000001"), s("000001000005"))]).unwrap();
        assert_eq!(ok.len(), 2);
        let range = |from: &str, to: &str| spans(&[], &[(s(from), s(to))]);
        assert!(matches!(range("000001000005", "000001000001"), Err(Refusal::Range(_))));
        assert!(matches!(range("000001000001", "000002000001"), Err(Refusal::Range(_))));
        assert!(matches!(range("000001000001", "000001100001"), Err(Refusal::Range(_))));
        assert!(range("000001000001", "000001100000").is_ok());
        assert!(matches!(
            spans(&[s("000001000003")], &[(s("000001000001"), s("000001000005"))]),
            Err(Refusal::Field(..))
        ));
        assert!(matches!(spans(&[s("000001000003"), s("000001000003")], &[]), Err(Refusal::Field(..))));
        assert!(matches!(spans(&[s("x")], &[]), Err(Refusal::Field(f, _)) if f == "serials[0]"));
        assert!(matches!(spans(&[], &[]), Err(Refusal::Field(..))));
        let many: Vec<(String, String)> = (1..=2).map(|b| (format!("{b:06}000001"), format!("{b:06}060000"))).collect();
        assert!(matches!(spans(&[], &many), Err(Refusal::Range(_))));
        let found: BTreeSet<i64> = [1_000_001, 1_000_003].into();
        let named = spans(&[], &[(s("000001000001"), s("000001000004"))]).unwrap();
        assert_eq!(missing(&named, &found, 20), [Serial(1_000_002), Serial(1_000_004)]);
    }
}
