//! The rows of a bulk user import (SPEC §11): read from CSV or taken from JSON, each
//! checked on its own, so one bad row never refuses the others.

use std::collections::{HashMap, HashSet};

use validator::ValidateEmail;

/// The most rows one import may hold.
pub const MAX_ROWS: usize = 10_000;
/// The most licences one row may ask for.
pub const MAX_SKUS_PER_ROW: usize = 20;
/// The CSV columns an import reads; others (an export's `id`, `activated`, …) are ignored.
pub const CSV_COLUMNS: [&str; 5] = ["email", "first_name", "last_name", "admin", "license_skus"];

/// One user to create, as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// CSV: the record's number, the header being 1; JSON: its position from 1.
    pub line: i32,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub admin: bool,
    /// Distinct SKUs, in the order given.
    pub license_skus: Vec<String>,
}

/// Why a row is refused before any work: a problem code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRefusal {
    pub code: &'static str,
    pub detail: String,
}

/// A reason the whole import cannot be read (a 422 naming `field`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub field: String,
    pub message: String,
}

fn unreadable(field: &str, message: impl Into<String>) -> Unreadable {
    Unreadable { field: field.to_string(), message: message.into() }
}

/// Reads a CSV import: a header naming at least `email`, `first_name` and `last_name`,
/// then one user per record. Empty `admin` is false; `license_skus` are `;`-separated.
pub fn read_csv(body: &[u8]) -> Result<Vec<(ImportRow, Option<RowRefusal>)>, Unreadable> {
    let body = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body); // a spreadsheet's BOM
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(body);
    let headers = reader.headers().map_err(|e| unreadable("body", format!("is not CSV: {e}")))?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let [email, first_name, last_name, admin, skus] = CSV_COLUMNS.map(column);
    let (Some(email), Some(first_name), Some(last_name)) = (email, first_name, last_name) else {
        return Err(unreadable(
            "body",
            "the header must name the columns email, first_name and last_name (admin and license_skus are optional)",
        ));
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| unreadable("body", format!("is not CSV: {e}")))?;
        if rows.len() == MAX_ROWS {
            return Err(too_many());
        }
        // The record's number, the header being 1: its line unless a field spans lines
        // (the parser's own line count misses records ended by a lone CR).
        let line = rows.len() as i32 + 2;
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim().to_string();
        let (admin_text, skus_text) = (field(admin), field(skus));
        let mut refusal = None;
        let admin = match admin_text.to_ascii_lowercase().as_str() {
            "" | "false" | "no" | "0" => false,
            "true" | "yes" | "1" => true,
            _ => {
                refusal = Some(invalid("admin", "must be true or false"));
                false
            }
        };
        let row = ImportRow {
            line,
            email: field(Some(email)),
            first_name: field(Some(first_name)),
            last_name: field(Some(last_name)),
            admin,
            license_skus: skus_text.split(';').take(MAX_SKUS_PER_ROW + 1).map(str::to_string).collect(),
        };
        rows.push((row, refusal));
    }
    Ok(rows)
}

fn too_many() -> Unreadable {
    unreadable("body", format!("holds more than {MAX_ROWS} users; split it into several imports"))
}

/// Checks the count of rows (1 to [`MAX_ROWS`]).
pub fn check_count(rows: usize) -> Result<(), Unreadable> {
    match rows {
        0 => Err(unreadable("body", "holds no users")),
        n if n > MAX_ROWS => Err(too_many()),
        _ => Ok(()),
    }
}

fn invalid(field: &str, message: &str) -> RowRefusal {
    RowRefusal { code: "validation-failed", detail: format!("{field}: {message}.") }
}

/// Tidies every row (SKUs trimmed, upper-cased, distinct) and decides which are refused
/// before any work: invalid fields (`validation-failed`) and an e-mail address that an
/// earlier row already holds (`user-exists`, naming that row).
pub fn check(rows: Vec<(ImportRow, Option<RowRefusal>)>) -> Vec<(ImportRow, Option<RowRefusal>)> {
    let mut first_line: HashMap<String, i32> = HashMap::new();
    rows.into_iter()
        .map(|(mut row, refusal)| {
            // PostgreSQL text cannot hold U+0000: the row is refused and kept without it.
            let mut nul = None;
            for (field, text) in
                [("email", &mut row.email), ("first_name", &mut row.first_name), ("last_name", &mut row.last_name)]
                    .into_iter()
                    .chain(row.license_skus.iter_mut().map(|s| ("license_skus", s)))
            {
                if text.contains('\0') {
                    *text = text.replace('\0', "\u{fffd}");
                    nul = nul.or(Some(field));
                }
            }
            let mut skus: Vec<String> = Vec::new();
            let mut seen: HashSet<String> = HashSet::new();
            // At most one more than allowed is read (a longer list is refused anyway).
            for sku in row.license_skus.iter().take(MAX_SKUS_PER_ROW + 1) {
                let sku = sku.trim().to_ascii_uppercase();
                if !sku.is_empty() && seen.insert(sku.clone()) {
                    skus.push(sku);
                }
            }
            let too_many_skus = row.license_skus.len() > MAX_SKUS_PER_ROW;
            row.license_skus = skus;
            let refusal = refusal
                .or_else(|| nul.map(|field| invalid(field, "must not contain the character U+0000")))
                .or_else(|| {
                    too_many_skus.then(|| invalid("license_skus", &format!("may name at most {MAX_SKUS_PER_ROW} SKUs")))
                })
                .or_else(|| field_refusal(&row));
            let refusal = refusal.or_else(|| {
                let earlier = *first_line.entry(row.email.to_lowercase()).or_insert(row.line);
                (earlier != row.line).then(|| RowRefusal {
                    code: "user-exists",
                    detail: format!("Line {earlier} of this import has the same e-mail address."),
                })
            });
            (row, refusal)
        })
        .collect()
}

fn field_refusal(row: &ImportRow) -> Option<RowRefusal> {
    if !row.email.validate_email() || row.email.chars().count() > 254 {
        return Some(invalid("email", "must be an e-mail address"));
    }
    for (field, value) in [("first_name", &row.first_name), ("last_name", &row.last_name)] {
        if !(1..=100).contains(&value.chars().count()) {
            return Some(invalid(field, "must be 1 to 100 characters"));
        }
    }
    if let Some(bad) = row.license_skus.iter().find(|s| {
        !(2..=64).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    }) {
        let shown: String = bad.chars().take(64).collect();
        return Some(invalid("license_skus", &format!("`{shown}` is not a SKU")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(csv: &str) -> Vec<(ImportRow, Option<RowRefusal>)> {
        check(read_csv(csv.as_bytes()).unwrap())
    }

    #[test]
    fn reads_an_exports_columns_and_ignores_the_rest() {
        let read = rows(
            "email,first_name,last_name,admin,license_skus,activated,id\n\
             a@x.example,A,One,true,teams-essentials; TEAMS-ESSENTIALS;OFFICE,false,1\n\
             \"b@x.example\",\"B, junior\",Two,,,,\n",
        );
        assert_eq!(read.len(), 2);
        let (a, refused) = &read[0];
        assert_eq!(refused, &None);
        assert_eq!((a.line, a.admin), (2, true));
        assert_eq!(a.license_skus, ["TEAMS-ESSENTIALS", "OFFICE"]);
        assert_eq!((read[1].0.line, read[1].0.first_name.as_str(), read[1].0.admin), (3, "B, junior", false));
    }

    #[test]
    fn refuses_rows_not_imports() {
        let read = rows(
            "email,first_name,last_name,admin\n\
             not-an-email,A,One,\n\
             c@x.example,,Three,\n\
             d@x.example,D,Four,maybe\n\
             e@x.example,E,Five,\n\
             E@X.example,E,Again,\n",
        );
        let codes: Vec<_> = read.iter().map(|(_, r)| r.as_ref().map(|r| r.code)).collect();
        assert_eq!(
            codes,
            [
                Some("validation-failed"),
                Some("validation-failed"),
                Some("validation-failed"),
                None,
                Some("user-exists")
            ]
        );
        assert!(read[4].1.as_ref().unwrap().detail.contains("Line 5"));
    }

    #[test]
    fn rows_are_numbered_by_record_whatever_ends_them() {
        let read = rows("email,first_name,last_name\ra@x.example,A,B\rb@x.example,\"B\nC\",D\r\nc@x.example,C,D\n");
        let lines: Vec<i32> = read.iter().map(|(r, _)| r.line).collect();
        assert_eq!(lines, [2, 3, 4]);
    }

    #[test]
    fn a_long_sku_list_is_refused_without_reading_it_all() {
        let many: Vec<String> = (0..200_000).map(|i| format!("SKU-{i}")).collect();
        let csv = format!("email,first_name,last_name,license_skus\na@x.example,A,B,{}\n", many.join(";"));
        let read = rows(&csv);
        assert_eq!(read[0].1.as_ref().unwrap().detail, "license_skus: may name at most 20 SKUs.");
        let twenty = format!("email,first_name,last_name,license_skus\na@x.example,A,B,{}\n", many[..20].join(";"));
        assert_eq!(rows(&twenty)[0].1, None);
    }

    #[test]
    fn a_nul_character_is_refused_and_not_kept() {
        let read = rows("email,first_name,last_name,license_skus\na\0@x.example,A\0,B,X\0\n");
        let (row, refusal) = &read[0];
        assert_eq!(refusal.as_ref().unwrap().code, "validation-failed");
        let mut kept = [row.email.clone(), row.first_name.clone()].into_iter().chain(row.license_skus.clone());
        assert!(kept.all(|t| !t.contains('\0')));
    }

    #[test]
    fn an_unreadable_import_names_why() {
        assert!(read_csv(b"mail,name\nx,y\n").unwrap_err().message.contains("email, first_name and last_name"));
        assert!(read_csv(b"email,first_name,last_name\na,b\n").is_err(), "a short record");
        assert_eq!(check_count(0).unwrap_err().message, "holds no users");
        assert!(check_count(MAX_ROWS).is_ok() && check_count(MAX_ROWS + 1).is_err());
        let many = format!("email,first_name,last_name\n{}", "a@x.example,A,B\n".repeat(MAX_ROWS + 1));
        assert!(read_csv(many.as_bytes()).unwrap_err().message.contains("more than 10000"));
    }
}
