//! The floors of `docs/architecture.md`, held by a check: every `crate::…` and `super::…`
//! path in `src/` is read, and the test fails, naming file and line, on an import from a
//! room to one not below it, on a cycle between the files of one room, and on a
//! `use super::*` that hides what a file uses. Test modules (`#[cfg(test)]` onwards) are
//! not read: they may reach anything of the file they test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The floors, top to bottom: a room imports only rooms of floors below its own.
const FLOORS: &[&[&str]] = &[
    &["main", "lib", "bootstrap"],
    &["api"],
    &["jobs"],
    &["app"],
    &["http"],
    &["state"],
    &["views"],
    &["authz"],
    &["audit", "outbound"],
    &["auth", "limits", "clock"],
    &["store"],
    &["error"],
    &["config", "db", "metrics"],
    &["domain"],
];

fn floor(room: &str) -> Option<usize> {
    FLOORS.iter().position(|rooms| rooms.contains(&room))
}

/// One import found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Import {
    file: String,
    line: usize,
    /// The path as the module tree names it, from the crate root (`app::audit::list`).
    path: Vec<String>,
}

/// The code of a file without comments, string contents and test modules, same lines.
fn code_of(source: &str) -> String {
    let source = match source.find("#[cfg(test)]") {
        Some(i) => &source[..i],
        None => source,
    };
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let (mut in_string, mut in_char_escape) = (false, false);
    while let Some(c) = chars.next() {
        if in_string {
            if in_char_escape {
                in_char_escape = false;
            } else if c == '\\' {
                in_char_escape = true;
            } else if c == '"' {
                in_string = false;
                out.push('"');
            }
            if c == '\n' {
                out.push('\n');
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                in_string = true;
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

/// The paths a brace group names (`{a, b::{c, d}}` → `a`, `b::c`, `b::d`), each with the
/// offset in `text` where it is written, from `text` starting at its `{`; and where it ends.
fn group(text: &[char], start: usize) -> (Vec<(String, usize)>, usize) {
    let mut paths = Vec::new();
    let (mut i, mut item, mut item_at) = (start + 1, String::new(), None);
    let finish = |item: &mut String, at: Option<usize>, paths: &mut Vec<(String, usize)>| {
        let trimmed = item.trim();
        if !trimmed.is_empty() {
            paths.push((trimmed.to_string(), at.unwrap_or(start)));
        }
        item.clear();
    };
    loop {
        let c = text[i];
        match c {
            '{' => {
                let prefix = item.trim().trim_end_matches("::").to_string();
                let (inner, end) = group(text, i);
                paths.extend(inner.into_iter().map(|(p, at)| (format!("{prefix}::{p}"), at)));
                item.clear();
                item_at = None;
                i = end;
                continue;
            }
            '}' => {
                finish(&mut item, item_at, &mut paths);
                return (paths, i + 1);
            }
            ',' => {
                finish(&mut item, item_at, &mut paths);
                item_at = None;
            }
            c => {
                if item_at.is_none() && !c.is_whitespace() {
                    item_at = Some(i);
                }
                item.push(c);
            }
        }
        i += 1;
    }
}

fn segments(path: &str) -> Vec<String> {
    let path = path.split(" as ").next().unwrap_or(path);
    path.split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s != "self").collect()
}

/// The module a file is, from the crate root (`src/app/audit.rs` → `app::audit`).
fn module_of(file: &str) -> Vec<String> {
    let file = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = file.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
        parts.clear();
    }
    parts
}

/// Every `crate::…` and `super::…` path of the file, resolved from the crate root, and
/// every `super::*` (as a path ending in `*`).
fn imports(file: &str, source: &str) -> Vec<Import> {
    let code: Vec<char> = code_of(source).chars().collect();
    let module = module_of(file);
    let mut found = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let rest: String = code[i..code.len().min(i + 8)].iter().collect();
        let keyword = ["crate::", "super::"].into_iter().find(|k| rest.starts_with(k));
        let boundary = i == 0 || !(code[i - 1].is_alphanumeric() || code[i - 1] == '_' || code[i - 1] == ':');
        let Some(keyword) = keyword.filter(|_| boundary) else {
            i += 1;
            continue;
        };
        let line_at = |at: usize| code[..at].iter().filter(|c| **c == '\n').count() + 1;
        let mut j = i + keyword.len();
        let mut base =
            if keyword == "crate::" { Vec::new() } else { module[..module.len().saturating_sub(1)].to_vec() };
        // `super::super::` and the like.
        while code[j..].iter().collect::<String>().starts_with("super::") {
            base.pop();
            j += "super::".len();
        }
        let paths = if code[j] == '{' {
            let (paths, end) = group(&code, j);
            j = end;
            paths
        } else {
            let path: String = code[j..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == ':' || **c == '*')
                .collect();
            let at = j;
            j += path.len();
            vec![(path, at)]
        };
        for (path, at) in paths {
            let mut full = base.clone();
            full.extend(segments(&path));
            found.push(Import { file: file.to_string(), line: line_at(at), path: full });
        }
        i = j.max(i + 1);
    }
    found
}

/// The room a module path is in: its first segment when that is a room, else the crate
/// root (an item of `lib.rs`, such as a re-export).
fn room_of(path: &[String]) -> String {
    match path.first() {
        Some(first) if floor(first).is_some() => first.clone(),
        _ => "lib".to_string(),
    }
}

/// What is wrong with the tree of `files` (path under `src/` → source): one line each.
fn violations(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut found = Vec::new();
    // Files of a room, by module name (`mod` for the room's `mod.rs`).
    let mut edges: BTreeMap<String, BTreeSet<(String, String, String, usize)>> = BTreeMap::new();
    for (file, source) in files {
        let module = module_of(file);
        let room = room_of(&module);
        let Some(own) = floor(&room) else {
            found.push(format!("src/{file}: the room `{room}` is on no floor of docs/architecture.md"));
            continue;
        };
        for import in imports(file, source) {
            if import.path.last().is_some_and(|s| s == "*") {
                found.push(format!(
                    "src/{}:{}: `{}::*` hides what the file uses; name each import",
                    import.file,
                    import.line,
                    import.path[..import.path.len() - 1].join("::")
                ));
                continue;
            }
            let target = room_of(&import.path);
            if target == room {
                // Within a room: an edge between its files, for the cycle check.
                let from = module.get(1).cloned().unwrap_or_else(|| "mod".into());
                let to = match import.path.get(1) {
                    Some(m) if files.contains_key(&format!("{room}/{m}.rs")) => m.clone(),
                    _ => "mod".into(),
                };
                if from != to && room != "lib" {
                    edges.entry(room.clone()).or_default().insert((from, to, import.file.clone(), import.line));
                }
                continue;
            }
            let theirs = floor(&target).expect("a room");
            if theirs <= own && own != 0 {
                found.push(format!(
                    "src/{}:{}: `{room}` imports `{}` of `{target}`, which is not below it",
                    import.file,
                    import.line,
                    import.path.join("::")
                ));
            }
        }
    }
    for (room, edges) in &edges {
        for cycle in cycles(edges) {
            found.push(format!("room `{room}` has a cycle between its files: {cycle}"));
        }
    }
    found
}

/// The cycles among a room's files, each as `a -> b (src/…:line) -> a`.
fn cycles(edges: &BTreeSet<(String, String, String, usize)>) -> BTreeSet<String> {
    let mut next: BTreeMap<&str, Vec<(&str, &str, usize)>> = BTreeMap::new();
    for (from, to, file, line) in edges {
        next.entry(from).or_default().push((to, file, *line));
    }
    let mut found = BTreeSet::new();
    for start in next.keys() {
        // Depth-first from each file, reporting a path that comes back to it.
        // A cycle is reported once, from its first file in name order.
        let mut stack: Vec<(&str, Vec<String>)> = vec![(start, Vec::new())];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for (to, file, line) in next.get(at).into_iter().flatten() {
                let step = format!("{at} -> {to} (src/{file}:{line})");
                if to == start {
                    let mut whole = path.clone();
                    whole.push(step);
                    found.insert(whole.join(", "));
                } else if *to > *start && seen.insert(*to) {
                    let mut longer = path.clone();
                    longer.push(step);
                    stack.push((to, longer));
                }
            }
        }
    }
    found
}

fn sources(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn imports_point_down_and_rooms_have_no_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 100, "read {} files", files.len());
    let found = violations(&files);
    assert!(
        found.is_empty(),
        "{} import(s) break the floors of docs/architecture.md:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_check_sees_upward_imports_cycles_and_preludes() {
    let tree = |files: &[(&str, &str)]| -> BTreeMap<String, String> {
        files.iter().map(|(f, s)| (f.to_string(), s.to_string())).collect()
    };
    let upward = tree(&[("store/keys.rs", "use crate::{\n    db::schema,\n    app::keys::{self, find},\n};\n")]);
    assert_eq!(
        violations(&upward),
        [
            "src/store/keys.rs:3: `store` imports `app::keys` of `app`, which is not below it",
            "src/store/keys.rs:3: `store` imports `app::keys::find` of `app`, which is not below it"
        ]
    );
    let inline = tree(&[("views/pages.rs", "fn f() { crate::AppState::new() } // crate::app::x\n")]);
    assert_eq!(
        violations(&inline),
        ["src/views/pages.rs:1: `views` imports `AppState::new` of `lib`, which is not below it"]
    );
    let cycle = tree(&[
        ("store/a.rs", "use super::b::X;\n"),
        ("store/b.rs", "fn f() { super::a::y() }\n"),
        ("store/c.rs", "use crate::store::a;\n"),
    ]);
    let found = violations(&cycle);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("room `store` has a cycle between its files: a -> b (src/store/a.rs:1)"), "{found:?}");
    let prelude = tree(&[("views/keys.rs", "use super::*;\n#[cfg(test)]\nmod tests { use super::*; }\n")]);
    assert_eq!(violations(&prelude), ["src/views/keys.rs:1: `views::*` hides what the file uses; name each import"]);
    let tests_and_strings =
        tree(&[("domain/a.rs", "const S: &str = \"crate::app\";\n#[cfg(test)]\nuse crate::app;\n")]);
    assert!(violations(&tests_and_strings).is_empty());
}

/// Handlers stay thin (they parse, make one `app::` call, answer with a view): `src/api`
/// holds at most 30 lines per published operation, attribute blocks included.
#[test]
fn handlers_stay_thin() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api");
    let mut files = BTreeMap::new();
    sources(&root, &root, &mut files);
    let lines: usize = files.values().map(|s| s.lines().count()).sum();
    let doc = keyport::openapi();
    let methods = ["get", "post", "put", "patch", "delete"];
    let operations: usize = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| methods.iter().filter(|m| item.get(**m).is_some()).count())
        .sum();
    let per_operation = lines as f64 / operations as f64;
    assert!(per_operation <= 30.0, "src/api: {lines} lines for {operations} operations ({per_operation:.1} each)");
}
