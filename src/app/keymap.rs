//! The keymap as data: the one source for dispatching keys and for the `?` help screen.
//!
//! About 510 lines, mostly the table itself: one row per key, so help and dispatch agree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Command;

/// The views a key can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Overzicht,
    Bord,
    Kaart,
    Capaciteit,
    Conflicten,
    Inzet,
    Standup,
    Mensen,
    Inrichting,
    Opgaven,
    Tijdlijn,
    Agenda,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn shift(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::SHIFT,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn shift_code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

/// One line of the keymap: keys, the command, the views it works in, and its help text.
pub struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    pub views: &'static [View],
    pub help: &'static str,
}

const ALL: &[View] = &[
    View::Overzicht,
    View::Bord,
    View::Kaart,
    View::Capaciteit,
    View::Conflicten,
    View::Inzet,
    View::Mensen,
    View::Inrichting,
    View::Opgaven,
    View::Tijdlijn,
    View::Agenda,
    View::Standup,
];
/// Every view but the stand-up (last in [`ALL`]), which shows a board and has no list to move
/// in or edits.
const NIET_STANDUP: &[View] = match ALL.split_last() {
    Some((_, rest)) => rest,
    None => &[],
};
const INZET: &[View] = &[View::Inzet];
const BORD: &[View] = &[View::Bord];
const BORD_KAART: &[View] = &[View::Bord, View::Kaart];
const CAP: &[View] = &[View::Capaciteit];
const OPGAVEN: &[View] = &[View::Opgaven];
const TIJDLIJN: &[View] = &[View::Tijdlijn];
const AGENDA: &[View] = &[View::Agenda];

/// The keymap. Earlier lines win when two bind the same key in one view.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[k('?')],
        command: Command::Help,
        views: ALL,
        help: "deze hulp",
    },
    Binding {
        keys: &[code(KeyCode::Up), k('k')],
        command: Command::Up,
        views: NIET_STANDUP,
        help: "omhoog",
    },
    Binding {
        keys: &[code(KeyCode::Down), k('j')],
        command: Command::Down,
        views: NIET_STANDUP,
        help: "omlaag",
    },
    Binding {
        keys: &[code(KeyCode::Left), k('h')],
        command: Command::Left,
        views: BORD,
        help: "kolom links",
    },
    Binding {
        keys: &[code(KeyCode::Right), k('l')],
        command: Command::Right,
        views: BORD,
        help: "kolom rechts",
    },
    Binding {
        keys: &[code(KeyCode::Left), k('h')],
        command: Command::Left,
        views: CAP,
        help: "een week terug",
    },
    Binding {
        keys: &[code(KeyCode::Right), k('l')],
        command: Command::Right,
        views: CAP,
        help: "een week verder",
    },
    Binding {
        keys: &[code(KeyCode::Left), k('h')],
        command: Command::Left,
        views: OPGAVEN,
        help: "sorteren op de kolom links",
    },
    Binding {
        keys: &[code(KeyCode::Right), k('l')],
        command: Command::Right,
        views: OPGAVEN,
        help: "sorteren op de kolom rechts",
    },
    Binding {
        keys: &[code(KeyCode::Left), k('h')],
        command: Command::Left,
        views: TIJDLIJN,
        help: "vorige markering (LTA, deadline, start, eind)",
    },
    Binding {
        keys: &[code(KeyCode::Right), k('l')],
        command: Command::Right,
        views: TIJDLIJN,
        help: "volgende markering",
    },
    Binding {
        keys: &[shift('H'), shift_code(KeyCode::Left)],
        command: Command::MoveLeft,
        views: TIJDLIJN,
        help: "een half scherm terug in de tijd",
    },
    Binding {
        keys: &[shift('L'), shift_code(KeyCode::Right)],
        command: Command::MoveRight,
        views: TIJDLIJN,
        help: "een half scherm verder in de tijd",
    },
    Binding {
        keys: &[k('z')],
        command: Command::Zoom,
        views: TIJDLIJN,
        help: "zoom: week, maand, kwartaal",
    },
    Binding {
        keys: &[k('r')],
        command: Command::VolgendeRaad,
        views: TIJDLIJN,
        help: "de volgende LTA-datum van de raad (■), van alle opgaven",
    },
    Binding {
        keys: &[k('t')],
        command: Command::Vandaag,
        views: TIJDLIJN,
        help: "terug naar vandaag",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Command::Open,
        views: TIJDLIJN,
        help: "de kaart van de markering openen (start of eind: het bord)",
    },
    Binding {
        keys: &[k('r')],
        command: Command::Omkeren,
        views: OPGAVEN,
        help: "andersom sorteren",
    },
    Binding {
        keys: &[k('g')],
        command: Command::Groeperen,
        views: OPGAVEN,
        help: "per portefeuillehouder (de lijst van het PO) of niet",
    },
    Binding {
        keys: &[k('/')],
        command: Command::Filter,
        views: OPGAVEN,
        help: "filteren op naam, fase, adviseur, portefeuillehouder of programma",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Command::Open,
        views: OPGAVEN,
        help: "het bord van de opgave openen",
    },
    Binding {
        keys: &[k('c')],
        command: Command::Capaciteit,
        views: OPGAVEN,
        help: "de mensen van de opgave in de capaciteit",
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        command: Command::PageUp,
        views: NIET_STANDUP,
        help: "pagina omhoog",
    },
    Binding {
        keys: &[code(KeyCode::PageDown)],
        command: Command::PageDown,
        views: NIET_STANDUP,
        help: "pagina omlaag",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Command::Open,
        views: &[View::Overzicht, View::Bord],
        help: "openen",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Command::Open,
        views: CAP,
        help: "inzoomen: eenheid, mensen, persoon, bord",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Command::Open,
        views: &[View::Conflicten],
        help: "naar de bron van het conflict",
    },
    Binding {
        keys: &[shift('H'), shift_code(KeyCode::Left)],
        command: Command::MoveLeft,
        views: BORD,
        help: "kaart naar links",
    },
    Binding {
        keys: &[shift('L'), shift_code(KeyCode::Right)],
        command: Command::MoveRight,
        views: BORD,
        help: "kaart naar rechts",
    },
    Binding {
        keys: &[shift('K'), shift_code(KeyCode::Up)],
        command: Command::MoveUp,
        views: BORD,
        help: "kaart omhoog",
    },
    Binding {
        keys: &[shift('J'), shift_code(KeyCode::Down)],
        command: Command::MoveDown,
        views: BORD,
        help: "kaart omlaag",
    },
    Binding {
        keys: &[k('n')],
        command: Command::NewCard,
        views: BORD,
        help: "nieuwe kaart",
    },
    Binding {
        keys: &[k('e')],
        command: Command::EditCard,
        views: BORD_KAART,
        help: "kaart bewerken",
    },
    Binding {
        keys: &[k('a')],
        command: Command::AddNote,
        views: BORD_KAART,
        help: "notitie toevoegen",
    },
    Binding {
        keys: &[k('d'), code(KeyCode::Delete)],
        command: Command::DeleteCard,
        views: BORD_KAART,
        help: "kaart verwijderen",
    },
    Binding {
        keys: &[k('u')],
        command: Command::Undo,
        views: NIET_STANDUP,
        help: "ongedaan maken",
    },
    Binding {
        keys: &[ctrl('r')],
        command: Command::Redo,
        views: NIET_STANDUP,
        help: "opnieuw doen",
    },
    Binding {
        keys: &[k('/')],
        command: Command::Filter,
        views: BORD,
        help: "filteren op tekst, eigenaar, label of status",
    },
    Binding {
        keys: &[k('f')],
        command: Command::QuickFilter,
        views: BORD,
        help: "snelfilter: mijn kaarten, verlopen, in conflict",
    },
    Binding {
        keys: &[k('A')],
        command: Command::Archief,
        views: &[View::Bord, View::Standup],
        help: "archief: oude klaar-kaarten tonen of verbergen",
    },
    Binding {
        keys: &[k('/')],
        command: Command::Filter,
        views: &[View::Conflicten],
        help: "filteren op soort, eenheid, opgave, bord, week of tekst",
    },
    Binding {
        keys: &[k('f')],
        command: Command::QuickFilter,
        views: &[View::Conflicten],
        help: "één soort conflict (wisselt)",
    },
    Binding {
        keys: &[k('m')],
        command: Command::Maat,
        views: CAP,
        help: "procenten, uren of fte",
    },
    Binding {
        keys: &[k('g')],
        command: Command::Gevraagd,
        views: CAP,
        help: "met of zonder gevraagde inzet (wat als niets wordt toegezegd?)",
    },
    Binding {
        keys: &[k('t')],
        command: Command::Team,
        views: BORD,
        help: "team en inzet van dit bord",
    },
    Binding {
        keys: &[k('i')],
        command: Command::Inbox,
        views: &[
            View::Overzicht,
            View::Bord,
            View::Capaciteit,
            View::Conflicten,
        ],
        help: "open verzoeken om capaciteit (CoCo)",
    },
    Binding {
        keys: &[k('n')],
        command: Command::NewCard,
        views: INZET,
        help: "capaciteit vragen (nieuwe inzet)",
    },
    Binding {
        keys: &[k('e')],
        command: Command::EditCard,
        views: INZET,
        help: "inzet wijzigen (meer uren of weken: opnieuw gevraagd)",
    },
    Binding {
        keys: &[k('w')],
        command: Command::Withdraw,
        views: INZET,
        help: "inzet intrekken",
    },
    Binding {
        keys: &[k('t')],
        command: Command::Agree,
        views: INZET,
        help: "toezeggen (CoCo)",
    },
    Binding {
        keys: &[k('x')],
        command: Command::Decline,
        views: INZET,
        help: "afwijzen (CoCo), met een reden",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Command::Open,
        views: INZET,
        help: "naar de persoon in de capaciteit",
    },
    Binding {
        keys: &[k('w')],
        command: Command::Veranderd,
        views: BORD,
        help: "wat is er veranderd sinds de laatste stand-up ([ ] = een dag eerder/later)",
    },
    Binding {
        keys: &[k('s')],
        command: Command::Standup,
        views: BORD,
        help: "stand-up: volledig scherm met timer",
    },
    Binding {
        keys: &[k(' ')],
        command: Command::Volgende,
        views: &[View::Standup],
        help: "wie is er aan de beurt: de volgende",
    },
    Binding {
        keys: &[code(KeyCode::Left), k('h')],
        command: Command::Left,
        views: &[View::Standup],
        help: "kolom naar links",
    },
    Binding {
        keys: &[code(KeyCode::Right), k('l')],
        command: Command::Right,
        views: &[View::Standup],
        help: "kolom naar rechts",
    },
    Binding {
        keys: &[code(KeyCode::Esc), k('q')],
        command: Command::Back,
        views: &[View::Standup],
        help: "stand-up stoppen",
    },
    Binding {
        keys: &[k('p')],
        command: Command::Mensen,
        views: &[
            View::Overzicht,
            View::Bord,
            View::Capaciteit,
            View::Inzet,
            View::Inrichting,
        ],
        help: "mensen: uren, werkdagen en afwezigheid (CoCo)",
    },
    Binding {
        keys: &[shift('I')],
        command: Command::Inrichting,
        views: &[View::Overzicht, View::Bord, View::Capaciteit, View::Mensen],
        help: "inrichting: clusters, eenheden, opgaven en mensen",
    },
    Binding {
        keys: &[k('n')],
        command: Command::NewCard,
        views: &[View::Inrichting],
        help: "nieuw (cluster, eenheid, opgave of persoon: waar je staat)",
    },
    Binding {
        keys: &[k('e')],
        command: Command::EditCard,
        views: &[View::Inrichting],
        help: "naam en gegevens wijzigen",
    },
    Binding {
        keys: &[shift('B')],
        command: Command::Kolommen,
        views: BORD,
        help: "kolommen van dit bord: nieuw, naam, volgorde, WIP, klaar, verwijderen",
    },
    Binding {
        keys: &[k('b')],
        command: Command::NieuwBord,
        views: &[View::Inrichting],
        help: "een bord maken voor de opgave of de clusterkamer",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        command: Command::Open,
        views: &[View::Inrichting],
        help: "het bord van de opgave of cluster openen",
    },
    Binding {
        keys: &[k('d'), code(KeyCode::Delete)],
        command: Command::DeleteCard,
        views: &[View::Inrichting],
        help: "verwijderen (als niets ernaar verwijst; u maakt het ongedaan)",
    },
    Binding {
        keys: &[k('e')],
        command: Command::EditCard,
        views: &[View::Mensen],
        help: "uren en werkdagen wijzigen",
    },
    Binding {
        keys: &[k('a')],
        command: Command::AddNote,
        views: &[View::Mensen],
        help: "afwezigheid toevoegen",
    },
    Binding {
        keys: &[k('d')],
        command: Command::DeleteCard,
        views: &[View::Mensen],
        help: "eerstvolgende afwezigheid verwijderen",
    },
    Binding {
        keys: &[shift('M')],
        command: Command::MergeCopy,
        views: &[View::Overzicht],
        help: "conflictkopie samenvoegen met haar bord",
    },
    Binding {
        keys: &[k('c')],
        command: Command::Capaciteit,
        views: &[View::Overzicht, View::Bord, View::Kaart, View::Conflicten],
        help: "capaciteit: eenheden × weken",
    },
    Binding {
        keys: &[k('!')],
        command: Command::Conflicten,
        views: &[View::Overzicht, View::Bord, View::Kaart, View::Capaciteit],
        help: "alle conflicten",
    },
    Binding {
        keys: &[k('o')],
        command: Command::Opgaven,
        views: &[
            View::Overzicht,
            View::Bord,
            View::Capaciteit,
            View::Conflicten,
            View::Tijdlijn,
        ],
        help: "opgaven: fase, kaarten, inzet, conflicten, volgende LTA",
    },
    Binding {
        keys: &[shift('T')],
        command: Command::Tijdlijn,
        views: &[View::Overzicht, View::Opgaven, View::Bord],
        help: "tijdlijn: LTA-data, deadlines, start en eind van de opgaven",
    },
    Binding {
        keys: &[shift('W')],
        command: Command::Agenda,
        views: &[View::Overzicht, View::Opgaven, View::Tijdlijn, View::Bord],
        help: "weekagenda van het PMO-overleg en het OO",
    },
    Binding {
        keys: &[code(KeyCode::Left), k('h')],
        command: Command::Left,
        views: AGENDA,
        help: "de agenda van de week ervoor",
    },
    Binding {
        keys: &[code(KeyCode::Right), k('l')],
        command: Command::Right,
        views: AGENDA,
        help: "de agenda van de week erna",
    },
    Binding {
        keys: &[k('t')],
        command: Command::Vandaag,
        views: AGENDA,
        help: "de agenda van deze week",
    },
    Binding {
        keys: &[code(KeyCode::Esc), k('q')],
        command: Command::Back,
        views: &[
            View::Bord,
            View::Kaart,
            View::Capaciteit,
            View::Conflicten,
            View::Inzet,
            View::Mensen,
            View::Inrichting,
            View::Opgaven,
            View::Tijdlijn,
            View::Agenda,
        ],
        help: "terug",
    },
    Binding {
        keys: &[k('q')],
        command: Command::Quit,
        views: &[View::Overzicht],
        help: "afsluiten",
    },
    Binding {
        keys: &[ctrl('c')],
        command: Command::Quit,
        views: ALL,
        help: "afsluiten (overal)",
    },
];

/// The command a key press means in a view.
pub fn command(view: View, key: KeyEvent) -> Option<Command> {
    // Terminals report shifted letters with or without SHIFT: compare the character itself.
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    KEYMAP
        .iter()
        .filter(|b| b.views.contains(&view))
        .find(|b| {
            b.keys.iter().any(|k| match (k.code, key.code) {
                (KeyCode::Char(a), KeyCode::Char(b)) => {
                    a == b
                        && k.mods.contains(KeyModifiers::CONTROL)
                            == mods.contains(KeyModifiers::CONTROL)
                }
                (a, b) => a == b && k.mods == mods,
            })
        })
        .map(|b| b.command)
}

/// The key names of a binding for the help screen, e.g. `↑ / k`.
pub fn key_names(b: &Binding) -> String {
    b.keys.iter().map(key_name).collect::<Vec<_>>().join(" / ")
}

fn key_name(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "spatie".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if k.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if k.mods.contains(KeyModifiers::SHIFT) && !matches!(k.code, KeyCode::Char(_)) {
        format!("Shift-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_quits_the_overview_and_goes_back_elsewhere() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(command(View::Overzicht, q), Some(Command::Quit));
        assert_eq!(command(View::Bord, q), Some(Command::Back));
    }

    #[test]
    fn the_stand_up_offers_only_what_it_does_and_the_board_reaches_inbox_and_people() {
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        for c in ['j', 'k', 'u'] {
            assert_eq!(command(View::Standup, key(c)), None, "{c}");
        }
        let pgdn = KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE);
        assert_eq!(command(View::Standup, pgdn), None);
        assert_eq!(command(View::Bord, key('i')), Some(Command::Inbox));
        assert_eq!(
            ALL.last(),
            Some(&View::Standup),
            "NIET_STANDUP is ALL less its last"
        );
        assert!(!NIET_STANDUP.contains(&View::Standup) && NIET_STANDUP.len() == ALL.len() - 1);
        assert_eq!(command(View::Bord, key('p')), Some(Command::Mensen));
    }

    #[test]
    fn shifted_letters_move_cards_with_or_without_the_shift_flag() {
        for mods in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                command(View::Bord, KeyEvent::new(KeyCode::Char('L'), mods)),
                Some(Command::MoveRight)
            );
        }
        let shift_right = KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT);
        assert_eq!(command(View::Bord, shift_right), Some(Command::MoveRight));
        assert_eq!(
            command(
                View::Bord,
                KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)
            ),
            Some(Command::Right)
        );
        assert_eq!(
            command(
                View::Bord,
                KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)
            ),
            Some(Command::Redo)
        );
    }
}
