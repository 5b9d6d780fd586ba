//! Many writers, one file: no edit is ever lost, a killed save leaves the old or the new file,
//! the previous version is kept, and stale locks are taken over.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use planbord::domain::{Bord, Moment, Notitie};
use planbord::storage::{self, ContentHash, format, save};

fn now() -> Moment {
    Moment(
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
    )
}

fn board_copy(dir: &Path) -> PathBuf {
    let path = dir.join("opgave-strand.ron");
    fs::copy("boards/opgave-strand.ron", &path).unwrap();
    path
}

/// One writer: its own base and state, like a laptop running planbord.
fn writer(path: &Path, who: &str, edits: usize, merges: &AtomicUsize) {
    let loaded = storage::load(path);
    let mut base = loaded.werkmap.borden[0].clone();
    let mut ours = base.clone();
    let mut hash = loaded.board_files[0].hash;
    let mut seed = who.bytes().map(u64::from).sum::<u64>();
    for n in 0..edits {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let i = (seed >> 33) as usize % ours.kaarten.len();
        if n % 7 == 0 {
            // Sometimes a new card, sometimes a note: each edit leaves a unique mark.
            let mut k = ours.kaarten[i].clone();
            k.id = format!("{who}{n:04}");
            k.titel = format!("mark-{who}-{n}");
            k.notities.clear();
            ours.kaarten.push(k);
        } else {
            let wanneer = Moment(now().0 + chrono::Duration::seconds(n as i64));
            ours.kaarten[i].notities.push(Notitie {
                wie: who.into(),
                wanneer,
                tekst: format!("mark-{who}-{n}"),
            });
        }
        let saved = save::save_bord_merged(path, &base, &ours, hash, now()).unwrap();
        if saved.merged {
            merges.fetch_add(1, Ordering::Relaxed);
        }
        base = saved.value.clone();
        ours = saved.value;
        hash = saved.hash;
    }
}

fn marks(b: &Bord, who: &str) -> usize {
    let prefix = format!("mark-{who}-");
    b.kaarten
        .iter()
        .filter(|k| k.titel.starts_with(&prefix))
        .count()
        + b.kaarten
            .iter()
            .flat_map(|k| &k.notities)
            .filter(|n| n.tekst.starts_with(&prefix))
            .count()
}

#[test]
fn two_writers_hundreds_of_edits_none_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = board_copy(dir.path());
    let merges = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let edits = 300;
    let handles: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            let merges = merges.clone();
            std::thread::spawn(move || writer(&path, who, edits, &merges))
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let end = storage::load(&path);
    assert!(end.fouten.is_empty(), "{:?}", end.fouten);
    let b = &end.werkmap.borden[0];
    assert_eq!(
        (marks(b, "a"), marks(b, "b")),
        (edits, edits),
        "every edit of both writers is in the file"
    );
    eprintln!(
        "stress: 2 writers × {edits} edits, {} saves, {} merges, 0 lost, {:?}",
        2 * edits,
        merges.load(Ordering::Relaxed),
        start.elapsed()
    );
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn the_previous_version_is_kept_in_planbord_vorige() {
    let dir = tempfile::tempdir().unwrap();
    let path = board_copy(dir.path());
    let before = fs::read(&path).unwrap();
    let loaded = storage::load(&path);
    let mut ours = loaded.werkmap.borden[0].clone();
    ours.titel = "Nieuwe titel".into();
    save::save_bord_merged(
        &path,
        &loaded.werkmap.borden[0],
        &ours,
        loaded.board_files[0].hash,
        now(),
    )
    .unwrap();
    assert_eq!(
        fs::read(dir.path().join(".planbord/vorige/opgave-strand.ron")).unwrap(),
        before
    );
    // The werkmap still has the same boards: .planbord is not read as boards.
    assert_eq!(storage::load(dir.path()).werkmap.borden.len(), 1);
}

#[test]
fn a_stale_lock_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = board_copy(dir.path());
    let locks = dir.path().join(".planbord/locks");
    fs::create_dir_all(&locks).unwrap();
    // A process id that does not exist on this machine.
    fs::write(locks.join("opgave-strand.ron.lock"), "4000000000\n").unwrap();
    let loaded = storage::load(&path);
    let start = Instant::now();
    save::save_bord_merged(
        &path,
        &loaded.werkmap.borden[0],
        &loaded.werkmap.borden[0],
        loaded.board_files[0].hash,
        now(),
    )
    .unwrap();
    assert!(start.elapsed() < Duration::from_secs(7));
    assert!(
        !locks.join("opgave-strand.ron.lock").exists(),
        "released after the save"
    );
}

/// The child of the kill test: saves two versions in turn, forever, until killed.
#[test]
fn kill_test_child() {
    let Some(path) = std::env::var_os("PLANBORD_KILL_CHILD") else {
        return;
    };
    let path = PathBuf::from(path);
    let a = fs::read_to_string(path.with_extension("a")).unwrap();
    let b = fs::read_to_string(path.with_extension("b")).unwrap();
    loop {
        for v in [&a, &b] {
            save::write_atomic(&path, v.as_bytes()).unwrap();
        }
    }
}

#[cfg(unix)]
#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = board_copy(dir.path());
    let bord = storage::load(&path).werkmap.borden.remove(0);
    let a = format::to_canonical(&bord).unwrap();
    let mut other = bord.clone();
    other.titel = "Versie B".into();
    other.kaarten.truncate(10); // a different size, so a torn write would show
    let b = format::to_canonical(&other).unwrap();
    fs::write(path.with_extension("a"), &a).unwrap();
    fs::write(path.with_extension("b"), &b).unwrap();
    let (ha, hb) = (ContentHash::of(a.as_bytes()), ContentHash::of(b.as_bytes()));
    for round in 0..25u64 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "kill_test_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("PLANBORD_KILL_CHILD", &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(15 + (round * 37) % 60));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let bytes = fs::read(&path).unwrap();
        let h = ContentHash::of(&bytes);
        assert!(
            h == ha || h == hb,
            "round {round}: the file is neither version ({} bytes)",
            bytes.len()
        );
        let loaded = storage::load(&path);
        assert!(loaded.fouten.is_empty(), "{:?}", loaded.fouten);
        // Stray temporary files are hidden and never loaded as boards.
        assert_eq!(storage::load(dir.path()).werkmap.borden.len(), 1);
    }
}

#[test]
fn a_merge_that_loses_a_value_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let org_path = dir.path().join("organisatie.ron");
    fs::copy("boards/organisatie.ron", &org_path).unwrap();
    let loaded = storage::load(dir.path());
    let base = loaded.werkmap.organisatie.clone().unwrap();
    let hash = loaded.organisatie_file.unwrap().hash;
    // A colleague changes a person's hours and saves.
    let mut theirs = base.clone();
    theirs.mensen[0].uren = 20.0;
    save::save(&org_path, &theirs).unwrap();
    // We change the same person's hours too.
    let mut ours = base.clone();
    ours.mensen[0].uren = 24.0;
    let s = save::save_organisatie_merged(&org_path, &base, &ours, hash, now()).unwrap();
    assert!(s.merged && !s.report.is_clean());
    assert_eq!(s.value.mensen[0].uren, 24.0, "ours wins");
    save::log_merge(dir.path(), "organisatie.ron", &s.report.meldingen, now()).unwrap();
    let log = fs::read_to_string(dir.path().join(".planbord/samenvoegingen.log")).unwrap();
    assert!(
        log.contains("organisatie.ron") && log.contains("persoon"),
        "{log}"
    );
}
