//! `git merge` of two branches that edited different cards of one board succeeds with the
//! driver that `planbord git-setup` configures, and the result holds both edits.

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

#[test]
fn git_merge_with_the_driver_keeps_both_edits() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    for name in ["organisatie.ron", "bord2.ron"] {
        fs::copy(
            Path::new("tests/fixtures/voorbeeld").join(name),
            repo.join(name),
        )
        .unwrap();
    }
    // Normalise once, as the program would on its first save.
    edit(&repo.join("bord2.ron"), |_| {});
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .arg("git-setup")
        .arg(repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::read_to_string(repo.join(".gitattributes"))
            .unwrap()
            .contains("*.ron merge=planbord")
    );
    assert!(
        fs::read_to_string(repo.join(".gitignore"))
            .unwrap()
            .contains(".planbord/")
    );
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-qm", "begin"]);
    let main = git(repo, &["rev-parse", "--abbrev-ref", "HEAD"])
        .trim()
        .to_string();

    git(repo, &["checkout", "-qb", "laptop"]);
    edit(&repo.join("bord2.ron"), |b| {
        b.kaarten[0].titel = "Van de laptop".into()
    });
    git(repo, &["commit", "-qam", "laptop"]);

    git(repo, &["checkout", "-q", &main]);
    // The next line of the same card: a plain text merge would stop with a conflict here.
    edit(&repo.join("bord2.ron"), |b| {
        b.kaarten[1].voortgang = 90;
        b.kaarten[0].kolom = "a".into();
    });
    git(repo, &["commit", "-qam", "scherm"]);

    git(repo, &["merge", "-q", "--no-edit", "laptop"]);
    let merged = storage::load(&repo.join("bord2.ron"))
        .werkmap
        .borden
        .remove(0);
    assert_eq!(merged.kaarten[0].titel, "Van de laptop");
    assert_eq!(
        merged.kaarten[0].kolom, "a",
        "two fields of one card, one from each branch"
    );
    assert_eq!(merged.kaarten[1].voortgang, 90);
    assert!(
        !fs::read_to_string(repo.join("bord2.ron"))
            .unwrap()
            .contains("<<<<<<<")
    );
}

#[test]
fn an_unreadable_version_exits_1_with_conflict_markers() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("b.ron");
    let o = dir.path().join("o.ron");
    let t = dir.path().join("t.ron");
    fs::copy("tests/fixtures/voorbeeld/bord2.ron", &b).unwrap();
    fs::copy("tests/fixtures/voorbeeld/bord2.ron", &o).unwrap();
    fs::write(&t, "Bord(versie: 1, kapot").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .args(["merge-driver"])
        .args([&b, &o, &t])
        .arg("bord2.ron")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = fs::read_to_string(&o).unwrap();
    assert!(
        text.starts_with("<<<<<<< ours")
            && text.contains("=======")
            && text.contains(">>>>>>> theirs")
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("voeg met de hand samen"));
}
