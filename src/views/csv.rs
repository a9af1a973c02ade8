//! CSV answers (user exports, minted keys): every cell written one way, quoted where CSV
//! needs it and defused where a spreadsheet would run it as a formula; rows appended to
//! the chunk being sent (`views::chunked`).

/// What starts a formula in a spreadsheet (OWASP's list: `=`, `+`, `-`, `@`, TAB, CR).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell: a value a spreadsheet would take for a formula gets a leading `'`; a value
/// holding a comma, quote or line break is quoted.
pub fn cell(value: &str) -> String {
    let value = if value.starts_with(FORMULA_STARTS) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

/// One row, every cell through [`cell`], appended to `out` (for answers written in chunks).
pub fn write_row<S: AsRef<str>>(out: &mut Vec<u8>, cells: &[S]) {
    for (i, value) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(cell(value.as_ref()).as_bytes());
    }
    out.push(b'\n');
}

/// The header row of a CSV answer written in chunks.
pub fn header(names: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    write_row(&mut out, names);
    out
}

#[cfg(test)]
mod tests {
    use super::{cell, header, write_row};

    #[test]
    fn formulas_are_defused_and_separators_quoted() {
        for (value, written) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=cmd", "'\t=cmd"),
            ("\r=cmd", "\"'\r=cmd\""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("Maria", "Maria"),
        ] {
            assert_eq!(cell(value), written, "{value:?}");
        }
        let mut table = header(&["a", "b"]);
        write_row(&mut table, &["=x", "y"]);
        assert_eq!(table, b"a,b\n'=x,y\n");
    }
}
