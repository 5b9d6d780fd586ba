//! The loader never panics on any text: it returns the board or positioned errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planbord::storage::load;
use planbord::storage::locate::Locations;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match load::check_board_text("bord.ron", text) {
        Ok(b) => {
            // What loads, writes and loads again the same.
            let out = planbord::storage::format::to_canonical(&b).expect("writes");
            let again = load::check_board_text("bord.ron", &out).expect("reads its own output");
            assert_eq!(again, b);
        }
        Err(d) => assert!(d.iter().all(|d| d.regel >= 1 && d.kolom >= 1)),
    }
    let _ = Locations::of(text).find("kaarten[2].notities[1].tekst");
    let _ = load::parse_text::<planbord::domain::Organisatie>("organisatie.ron", text);
});
