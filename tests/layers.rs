//! The layers of DESIGN.md section 6, enforced: every `crate::…` (and `super::…` that leaves
//! its module) in `src/` may only point down the graph below. A new upward import fails here,
//! naming the file and line. The graph is a list of ranks, so it can have no circle.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Each top module with what it may use. A module may use only modules listed before it.
const LAYERS: &[(&str, &[&str])] = &[
    // The pure core: the file format, edits, merges and sync; the rules of capacity.
    ("domain", &[]),
    ("config", &[]),
    ("capacity", &["domain"]),
    // Files.
    ("storage", &["domain", "config"]),
    // The generator of the demo werkmap (pure, tuned with the capacity engine).
    ("demo", &["domain", "capacity"]),
    // People from an HR export (pure; the table type comes from storage).
    ("import", &["domain", "storage"]),
    // The Dutch sentences, above the core: the core returns facts, this words them.
    (
        "wording",
        &["domain", "capacity", "storage", "config", "import"],
    ),
    // The application: state + update, no I/O.
    (
        "app",
        &["domain", "capacity", "storage", "config", "wording"],
    ),
    // Presentation.
    (
        "ui",
        &["domain", "capacity", "storage", "config", "wording", "app"],
    ),
    ("rapport", &["domain", "capacity", "storage", "wording"]),
    // The shells: the only places with I/O, a clock and a terminal.
    (
        "tui",
        &[
            "domain", "capacity", "storage", "config", "wording", "app", "ui",
        ],
    ),
    (
        "cli",
        &[
            "domain", "capacity", "storage", "config", "demo", "import", "wording", "app", "ui",
            "rapport", "tui",
        ],
    ),
];

/// The module path of a source file: `src/app/update.rs` → `["app", "update"]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix("src").unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a line without its `//` comment and without string contents (roughly: enough
/// that paths in comments and messages do not count).
fn code(line: &str) -> String {
    let mut out = String::new();
    let mut in_str = false;
    let mut prev = ' ';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if !in_str && c == '/' && chars.peek() == Some(&'/') {
            break;
        }
        if c == '"' && prev != '\\' {
            in_str = !in_str;
            out.push('"');
        } else if !in_str {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// The top modules a line refers to, resolved from the file's own module path.
fn targets(line: &str, module: &[String]) -> Vec<String> {
    let line = code(line);
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let word_start =
        |i: usize| i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        if rest.starts_with("crate::") && word_start(i) {
            let after = &rest["crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `use crate::{a::x, b}`: the first name of each part.
                let end = group.find('}').unwrap_or(group.len());
                for part in group[..end].split(',') {
                    let name = ident(part.trim());
                    if !name.is_empty() {
                        out.push(name);
                    }
                }
            } else {
                out.push(ident(after));
            }
            i += "crate::".len();
            continue;
        }
        if rest.starts_with("super::") && word_start(i) {
            let mut up = 0;
            let mut r = rest;
            while let Some(x) = r.strip_prefix("super::") {
                up += 1;
                r = x;
            }
            // From a file whose module path has n parts, `super` n times reaches the crate.
            let depth = module.len();
            if up >= depth {
                out.push(ident(r));
            } else if up + 1 == depth {
                // Still inside the same top module.
            }
            i += "super::".len() * up;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every upward or unknown reference in `src/`, as `file:line: from -> to`.
fn violations() -> Vec<String> {
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let module = module_of(&f);
        let Some(top) = module.first().cloned() else {
            continue;
        };
        if top == "lib" || top == "main" {
            continue; // the crate root wires the modules together
        }
        let Some(may) = allowed.get(top.as_str()) else {
            out.push(format!("{}: module `{top}` is not in LAYERS", f.display()));
            continue;
        };
        let text = fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            for t in targets(line, &module) {
                if t != top && !may.contains(&t.as_str()) && allowed.contains_key(t.as_str()) {
                    out.push(format!("{}:{}: {top} -> {t}", f.display(), n + 1));
                }
            }
        }
    }
    out
}

#[test]
fn the_layer_table_points_only_down() {
    for (i, (name, may)) in LAYERS.iter().enumerate() {
        for m in *may {
            let j = LAYERS.iter().position(|(n, _)| n == m);
            assert!(
                j.is_some_and(|j| j < i),
                "{name} may use {m}, which is not listed before it"
            );
        }
    }
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let v = violations();
    assert!(
        v.is_empty(),
        "imports that point up the layers:\n{}",
        v.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_import() {
    let m = vec!["domain".to_string(), "bord".to_string()];
    assert_eq!(targets("use crate::app::Config;", &m), ["app"]);
    assert_eq!(
        targets("use crate::{app::View, domain::Week};", &m),
        ["app", "domain"]
    );
    assert_eq!(
        targets("let x = crate::ui::draw(); // crate::tui", &m),
        ["ui"]
    );
    assert_eq!(targets("use super::super::wording;", &m), ["wording"]);
    assert!(targets("use super::week::Week;", &m).is_empty());
    assert!(targets("format!(\"crate::app\")", &m).is_empty());
}
