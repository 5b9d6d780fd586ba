//! What floats over the views: help, the card form, the note line, the filter line, the delete
//! confirmation, the inzet dialogs, the people forms and the quit dialog. One file per family
//! of dialogs; the shared pieces (the text-input line, the one-line popup, the error line of a
//! form) are here.

mod afsluiten;
mod hulp;
mod inzet;
mod kaart;
mod mensen;
pub mod veranderd;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use super::theme::CONFLICT;
use super::widgets::centered;
use crate::app::input::TextInput;
use crate::app::{App, Mode};

/// Draws the dialog of the current mode, if any, over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match &app.mode {
        Mode::Normal => {}
        Mode::Help(scroll) => hulp::help(frame, area, app, *scroll, theme),
        Mode::Form(f) => kaart::form(frame, area, f, theme),
        Mode::InzetForm(f) => inzet::inzet_form(frame, area, f, theme),
        Mode::MensForm(f) => mensen::mens_form(frame, area, f, theme),
        Mode::OrgForm(f) => org_form(frame, area, f, theme),
        Mode::Kolommen(d) => kolommen(frame, area, app, d, theme),
        Mode::KolomForm(f) => kolom_form(frame, area, f, theme),
        Mode::Sjabloon(n, keuze) => sjabloon(frame, area, app, n, *keuze, theme),
        Mode::AfwezigForm(f) => mensen::afwezig_form(frame, area, f, theme),
        Mode::Veranderd(v) => veranderd::veranderd(frame, area, app, v, theme),
        Mode::Decide(d) => inzet::decide(frame, area, app, d, theme),
        Mode::Reason(input, r) => inzet::reason(frame, area, app, input, r, theme),
        Mode::TochReden(input, d) => {
            let naam = app.session.person_name(&d.asked.persoon);
            let title = crate::wording::toch_titel(&naam, d.asked.uren_per_week);
            line_popup(
                frame,
                area,
                &title,
                input,
                crate::wording::toch_hint(),
                theme,
            )
        }
        Mode::Note(input, id) => kaart::note(frame, area, app, input, id, theme),
        Mode::Filter(input) => filter(frame, area, input, theme),
        Mode::QuitPending(choice) => afsluiten::quit_pending(frame, area, app, *choice, theme),
        Mode::ConfirmDelete(k) => kaart::confirm_delete(frame, area, k, theme),
    }
}

/// The filter line, over the bottom line of `area`.
fn filter(frame: &mut Frame, area: Rect, input: &TextInput, theme: &Theme) {
    let r = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    frame.render_widget(Clear, r);
    let w = usize::from(r.width);
    frame.render_widget(Paragraph::new(input_line("/ ", input, w, theme)), r);
}

/// A text input as one line after `prompt`, the character under the cursor (or a space at the
/// end) in the selection style.
/// A text input in `w` cells (after `prompt`): one line that scrolls so the cursor shows, with
/// `…` where text is out of view.
fn input_line<'a>(prompt: &'a str, input: &TextInput, w: usize, theme: &Theme) -> Line<'a> {
    use unicode_width::UnicodeWidthStr;
    let (before, after): (String, String) = (
        input.text.chars().take(input.cursor).collect(),
        input.text.chars().skip(input.cursor).collect(),
    );
    let mut rest = after.chars();
    let at = rest.next().map_or(" ".to_string(), |c| c.to_string());
    let avail = w.saturating_sub(prompt.width() + 1).max(4);
    // Keep the end of what is before the cursor in view.
    let before = if before.width() >= avail {
        let tail: String = before.chars().rev().take(avail.saturating_sub(2)).collect();
        format!("…{}", tail.chars().rev().collect::<String>())
    } else {
        before
    };
    let rest = super::widgets::ellipsis(
        &rest.collect::<String>(),
        avail.saturating_sub(before.width()),
    );
    Line::from(vec![
        Span::styled(prompt, theme.accent),
        Span::styled(before, theme.text),
        Span::styled(at, theme.selected),
        Span::styled(rest, theme.text),
    ])
}

/// A small framed popup with one text input and a hint below it.
fn line_popup(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    input: &TextInput,
    hint: &str,
    theme: &Theme,
) {
    let r = centered(area, 70, 5);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    let lines = vec![
        input_line("> ", input, usize::from(r.width.saturating_sub(2)), theme),
        Line::from(Span::styled(hint.to_string(), theme.dim)),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// The hint of a person field after `used` cells of a line `width` wide: the long one, the
/// short one, or none; never half a word.
fn kies_hint(used: usize, width: usize, n: usize) -> Option<String> {
    let lang = format!("  {}", crate::wording::kies_hint(n));
    let kort = format!("  {}", crate::wording::kies_hint_kort());
    [lang, kort]
        .into_iter()
        .find(|h| used + unicode_width::UnicodeWidthStr::width(h.as_str()) <= width)
}

/// The columns dialog: one line per column with its WIP limit, klaar mark and cards.
fn kolommen(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    d: &crate::app::bord::kolommen::Kolommen,
    theme: &Theme,
) {
    let Some(bord) = app.session.werkmap.bord(&d.bord) else {
        return;
    };
    let r = centered(area, 76, bord.kolommen.len() as u16 + 4);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(
            crate::wording::kolommen_titel(&bord.titel),
            theme.title,
        ));
    let w = usize::from(r.width.saturating_sub(2));
    let mut lines: Vec<Line> = bord
        .kolommen
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let sel = i == d.row;
            let n = bord.kaarten.iter().filter(|c| c.kolom == k.id).count();
            let text = crate::wording::kolom_regel(&k.naam, k.wip, k.klaar, n);
            Line::from(Span::styled(
                super::widgets::ellipsis(&format!("{} {text}", if sel { "▶" } else { " " }), w),
                if sel { theme.selected } else { theme.text },
            ))
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        super::widgets::whole_items(crate::wording::kolommen_hint(), w),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// The form of one column.
fn kolom_form(
    frame: &mut Frame,
    area: Rect,
    f: &crate::app::bord::kolommen::KolomForm,
    theme: &Theme,
) {
    let velden: Vec<_> = crate::app::bord::kolommen::VELDEN
        .iter()
        .copied()
        .zip(&f.velden)
        .collect();
    velden_form(
        frame,
        area,
        crate::wording::org_form_titel("kolom", f.id.is_none()),
        (&velden, f.focus),
        f.error.as_deref(),
        crate::wording::kolom_form_hint(),
        theme,
    );
}

/// A form of labelled text fields (`velden` and the one in focus): a line per field, the
/// error wrapped under it, the keys.
fn velden_form(
    frame: &mut Frame,
    area: Rect,
    titel: String,
    (velden, focus): (&[(&str, &TextInput)], usize),
    error: Option<&str>,
    hint: &str,
    theme: &Theme,
) {
    let r = centered(area, 76, velden.len() as u16 + 7);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(titel, theme.title));
    let inner_w = usize::from(r.width.saturating_sub(2 + 20));
    let mut lines = Vec::new();
    for (i, (label, input)) in velden.iter().enumerate() {
        let focus = i == focus;
        let label = Span::styled(
            format!("{}{label:<17} ", if focus { "▶ " } else { "  " }),
            if focus { theme.accent } else { theme.dim },
        );
        let mut l = if focus {
            input_line("", input, inner_w, theme)
        } else {
            Line::from(Span::styled(
                super::widgets::ellipsis(&input.text, inner_w),
                theme.text,
            ))
        };
        l.spans.insert(0, label);
        lines.push(l);
    }
    lines.push(Line::default());
    if let Some(e) = error {
        lines.extend(error_lines(e, r.width, theme));
    }
    lines.push(Line::from(Span::styled(
        super::widgets::whole_items(hint, usize::from(r.width.saturating_sub(2))),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// Choosing the columns of a new board: the templates, one per line.
fn sjabloon(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    n: &crate::app::inrichting::NieuwBord,
    keuze: usize,
    theme: &Theme,
) {
    use crate::app::inrichting::NieuwBord;
    let org = app.session.werkmap.organisatie.as_ref();
    let naam = match n {
        NieuwBord::Opgave(o) => org
            .and_then(|org| org.opgaven.iter().find(|x| &x.id == o))
            .map_or(o.clone(), |x| x.naam.clone()),
        NieuwBord::Cluster(c) => org
            .and_then(|org| org.cluster(c))
            .map_or(c.clone(), |x| format!("clusterkamer {}", x.naam)),
    };
    let r = centered(area, 76, 7);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(
            format!(" {} ", crate::wording::sjabloon_titel(&naam)),
            theme.title,
        ));
    let mut lines: Vec<Line> = crate::domain::Sjabloon::ALLE
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sel = i == keuze;
            Line::from(Span::styled(
                format!(
                    "{} {}",
                    if sel { "▶" } else { " " },
                    crate::wording::sjabloon_naam(*s)
                ),
                if sel { theme.selected } else { theme.text },
            ))
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        crate::wording::sjabloon_hint(),
        theme.dim,
    )));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// The form of a cluster, unit or opgave: a labelled line per field, the error, the keys.
fn org_form(frame: &mut Frame, area: Rect, f: &crate::app::inrichting::OrgForm, theme: &Theme) {
    use crate::app::inrichting::Doel;
    let (soort, nieuw) = match &f.doel {
        Doel::Cluster(id) => ("cluster", id.is_none()),
        Doel::Eenheid(id) => ("eenheid", id.is_none()),
        Doel::Opgave(id) => ("opgave", id.is_none()),
        Doel::Persoon(id) => ("persoon", id.is_none()),
    };
    let velden: Vec<_> = f.labels.iter().copied().zip(&f.velden).collect();
    velden_form(
        frame,
        area,
        crate::wording::org_form_titel(soort, nieuw),
        (&velden, f.focus),
        f.error.as_deref(),
        crate::wording::org_form_hint(),
        theme,
    );
}

/// The line of a form that says why it was not accepted.
/// A form's error in a box `w` cells wide, wrapped under its marker (never cut).
fn error_lines(e: &str, w: u16, theme: &Theme) -> Vec<Line<'static>> {
    // Dates like 2026-11-23 stay whole: no breaks at hyphens.
    let opts = textwrap::Options::new(usize::from(w.saturating_sub(2)).max(20))
        .initial_indent("  ")
        .subsequent_indent("    ")
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(&format!("{CONFLICT} {e}"), opts)
        .into_iter()
        .map(|l| Line::from(Span::styled(l.into_owned(), theme.conflict)))
        .collect()
}
