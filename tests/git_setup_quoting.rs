//! Issue 8: `git-setup` writes the driver's path so that no shell expands it. A planbord
//! installed in a folder whose name holds `$(touch pwned)` and a `'` still merges, and nothing
//! in the name is ever run.

use std::fs;
use std::path::Path;
use std::process::Command;

use planbord::storage;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn edit(path: &Path, f: impl FnOnce(&mut planbord::domain::Bord)) {
    let mut b = storage::load(path).werkmap.borden.remove(0);
    f(&mut b);
    storage::save::save(path, &b).unwrap();
}

/// Every file named `pwned` under `dir`.
fn pwned(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().is_some_and(|n| n == "pwned") {
            found.push(p.clone());
        }
        if p.is_dir() && !p.is_symlink() {
            found.extend(pwned(&p));
        }
    }
    found
}

#[test]
fn a_driver_path_with_shell_syntax_is_never_run() {
    let dir = tempfile::tempdir().unwrap();
    let install = dir.path().join("it's $(touch pwned) `touch pwned`");
    fs::create_dir(&install).unwrap();
    let exe = install.join("planbord");
    fs::copy(env!("CARGO_BIN_EXE_planbord"), &exe).unwrap();

    let repo = dir.path().join("repo");
    fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    for name in ["organisatie.ron", "bord2.ron"] {
        fs::copy(
            Path::new("tests/fixtures/voorbeeld").join(name),
            repo.join(name),
        )
        .unwrap();
    }
    edit(&repo.join("bord2.ron"), |_| {});
    let out = Command::new(&exe)
        .arg("git-setup")
        .arg(&repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let driver = git(&repo, &["config", "merge.planbord.driver"]);
    assert!(
        driver.starts_with('\'') && driver.contains("'\\''"),
        "single quotes, the quote in the name as '\\'': {driver}"
    );
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "begin"]);
    let main = git(&repo, &["rev-parse", "--abbrev-ref", "HEAD"])
        .trim()
        .to_string();
    git(&repo, &["checkout", "-qb", "laptop"]);
    edit(&repo.join("bord2.ron"), |b| {
        b.kaarten[0].titel = "Van de laptop".into()
    });
    git(&repo, &["commit", "-qam", "laptop"]);
    git(&repo, &["checkout", "-q", &main]);
    edit(&repo.join("bord2.ron"), |b| b.kaarten[0].kolom = "a".into());
    git(&repo, &["commit", "-qam", "scherm"]);

    // Only the driver can merge two edits of one card without a conflict.
    git(&repo, &["merge", "-q", "--no-edit", "laptop"]);
    let merged = storage::load(&repo.join("bord2.ron"))
        .werkmap
        .borden
        .remove(0);
    assert_eq!(merged.kaarten[0].titel, "Van de laptop");
    assert_eq!(merged.kaarten[0].kolom, "a");
    assert_eq!(pwned(dir.path()), Vec::<std::path::PathBuf>::new());
    assert!(!Path::new("pwned").exists());
}
