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
    // As an older git-setup left it, with a line of the user's own.
    fs::write(repo.join(".gitignore"), "eigen.txt\n.planbord/\n").unwrap();
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
    let ignore = fs::read_to_string(repo.join(".gitignore")).unwrap();
    assert!(ignore.contains(".planbord/locks/"), "{ignore}");
    assert!(ignore.lines().any(|l| l == "eigen.txt"), "{ignore}");
    assert!(!ignore.lines().any(|l| l == ".planbord/"), "{ignore}");
    // The history travels with the werkmap; locks and kept versions stay on this computer.
    let ignored = |p: &str| {
        Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(["check-ignore", "-q", p])
            .status()
            .unwrap()
            .success()
    };
    assert!(!ignored(".planbord/historie/opgave-haven/a@b.jsonl"));
    assert!(ignored(".planbord/locks/opgave-haven.ron.lock"));
    assert!(ignored(
        ".planbord/vorige/opgave-haven.20261123-100000.000.ron"
    ));
    assert!(ignored(".opgave-haven.ron.123.1.tmp"));
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

/// Runs the merge driver on three versions of one file and returns the merged text.
fn drive<T: serde::Serialize>(name: &str, base: &T, ours: &T, theirs: &T) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (b, o, t) = (
        dir.path().join("b"),
        dir.path().join("o"),
        dir.path().join("t"),
    );
    storage::save::save(&b, base).unwrap();
    storage::save::save(&o, ours).unwrap();
    storage::save::save(&t, theirs).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .current_dir(dir.path())
        .arg("merge-driver")
        .args([&b, &o, &t])
        .arg(name)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::read_to_string(&o).unwrap()
}

fn voorbeeld_org() -> planbord::domain::Organisatie {
    storage::load(Path::new("tests/fixtures/voorbeeld"))
        .werkmap
        .organisatie
        .unwrap()
}

#[test]
fn one_branchs_hours_and_the_others_absence_for_one_person_both_survive() {
    let base = voorbeeld_org();
    let mut ours = base.clone();
    ours.mensen[0].uren = 24.0;
    let mut theirs = base.clone();
    theirs.mensen[0]
        .afwezig
        .push(planbord::domain::Afwezigheid {
            van: "2027-06-01".parse().unwrap(),
            tot: "2027-06-05".parse().unwrap(),
            ..base.mensen[0].afwezig.first().cloned().unwrap_or_else(|| {
                planbord::storage::format::parse(
                    "Afwezigheid(van: \"2027-01-01\", tot: \"2027-01-01\")",
                )
                .unwrap()
            })
        });
    theirs.eenheden[0].naam = "Nieuwe naam".into();
    ours.eenheden[0].regulier_aandeel = Some(0.5);
    let merged: planbord::domain::Organisatie =
        storage::format::parse(&drive("organisatie.ron", &base, &ours, &theirs)).unwrap();
    assert_eq!(merged.mensen[0].uren, 24.0);
    assert!(
        merged.mensen[0]
            .afwezig
            .iter()
            .any(|a| a.van.to_string() == "2027-06-01")
    );
    assert_eq!(merged.eenheden[0].naam, "Nieuwe naam");
    assert_eq!(merged.eenheden[0].regulier_aandeel, Some(0.5));
}

#[test]
fn an_inzets_weeks_and_its_hours_and_a_columns_name_and_wip_both_survive() {
    let base: planbord::domain::Bord = storage::load(Path::new("boards/opgave-strand.ron"))
        .werkmap
        .borden
        .remove(0);
    let mut ours = base.clone();
    ours.inzet[0].tot = ours.inzet[0].tot.plus(2);
    ours.kolommen[1].naam = "Onderhanden".into();
    let mut theirs = base.clone();
    theirs.inzet[0].uren_per_week += 2.0;
    theirs.kolommen[1].wip = Some(7);
    let merged: planbord::domain::Bord =
        storage::format::parse(&drive("opgave-strand.ron", &base, &ours, &theirs)).unwrap();
    assert_eq!(merged.inzet[0].tot, ours.inzet[0].tot);
    assert_eq!(merged.inzet[0].uren_per_week, theirs.inzet[0].uren_per_week);
    assert_eq!(merged.kolommen[1].naam, "Onderhanden");
    assert_eq!(merged.kolommen[1].wip, Some(7));
}

#[test]
fn the_same_value_changed_on_both_branches_keeps_ours_and_logs_theirs() {
    let base = voorbeeld_org();
    let mut ours = base.clone();
    ours.mensen[1].uren = 20.0;
    let mut theirs = base.clone();
    theirs.mensen[1].uren = 12.0;
    let dir = tempfile::tempdir().unwrap();
    let (b, o, t) = (
        dir.path().join("b"),
        dir.path().join("o"),
        dir.path().join("t"),
    );
    storage::save::save(&b, &base).unwrap();
    storage::save::save(&o, &ours).unwrap();
    storage::save::save(&t, &theirs).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .current_dir(dir.path())
        .arg("merge-driver")
        .args([&b, &o, &t])
        .arg("organisatie.ron")
        .output()
        .unwrap();
    assert!(out.status.success());
    let merged: planbord::domain::Organisatie =
        storage::format::parse(&fs::read_to_string(&o).unwrap()).unwrap();
    assert_eq!(merged.mensen[1].uren, 20.0);
    let log = fs::read_to_string(dir.path().join(".planbord/samenvoegingen.log")).unwrap();
    assert!(
        log.contains(&base.mensen[1].naam) && log.contains("12") && log.contains("uren"),
        "the item, the field and both values: {log}"
    );
    assert!(log.contains("20"), "{log}");
}

#[test]
fn during_a_rebase_the_commit_being_replayed_keeps_its_values() {
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
    edit(&repo.join("bord2.ron"), |_| {});
    let out = Command::new(env!("CARGO_BIN_EXE_planbord"))
        .arg("git-setup")
        .arg(repo)
        .output()
        .unwrap();
    assert!(out.status.success());
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-qm", "begin"]);
    let main = git(repo, &["rev-parse", "--abbrev-ref", "HEAD"])
        .trim()
        .to_string();
    git(repo, &["checkout", "-qb", "mijn"]);
    edit(&repo.join("bord2.ron"), |b| {
        b.kaarten[0].titel = "Mijn titel".into()
    });
    git(repo, &["commit", "-qam", "mijn"]);
    git(repo, &["checkout", "-q", &main]);
    edit(&repo.join("bord2.ron"), |b| {
        b.kaarten[0].titel = "Titel op de basis".into()
    });
    git(repo, &["commit", "-qam", "basis"]);
    git(repo, &["checkout", "-q", "mijn"]);
    git(repo, &["rebase", "-q", &main]);
    let merged = storage::load(&repo.join("bord2.ron"))
        .werkmap
        .borden
        .remove(0);
    assert_eq!(
        merged.kaarten[0].titel, "Mijn titel",
        "my commit is replayed"
    );
    assert!(
        merged.kaarten[0]
            .notities
            .iter()
            .any(|n| n.tekst.contains("Titel op de basis")),
        "the base's value is a note"
    );
}
