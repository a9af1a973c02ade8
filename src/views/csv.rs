//! CSV answers (user exports, minted keys): every cell written one way, quoted where CSV
//! needs it and defused where a spreadsheet would run it as a formula.

/// What starts a formula in a spreadsheet (OWASP's list: `=`, `+`, `-`, `@`, TAB, CR).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell: a value a spreadsheet would take for a formula gets a leading `'`; a value
/// holding a comma, quote or line break is quoted.
pub fn cell(value: &str) -> String {
    let value = if value.starts_with(FORMULA_STARTS) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

/// A CSV document built row by row, every cell through [`cell`].
pub struct Table(String);

impl Table {
    pub fn new(header: &[&str]) -> Self {
        let mut table = Self(String::new());
        table.row(header);
        table
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        let cells: Vec<String> = cells.iter().map(|c| cell(c.as_ref())).collect();
        self.0.push_str(&cells.join(","));
        self.0.push('\n');
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{Table, cell};

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
        let mut table = Table::new(&["a", "b"]);
        table.row(&["=x", "y"]);
        assert_eq!(table.into_string(), "a,b\n'=x,y\n");
    }
}
