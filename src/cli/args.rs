//! Argument parsing with clap, in Dutch.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::domain::{Datum, Week};

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(
    name = "planbord",
    version,
    about = "Planborden van clusterkamers en opgaveteams, met de capaciteitsconflicten tussen opgaven en regulier werk.",
    help_template = TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    args_conflicts_with_subcommands = true,
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    next_help_heading = "Opties",
    override_usage = "planbord [WERKMAP|BORD.ron|--werkmap MAP] [--vandaag DATUM]\n         planbord <OPDRACHT> [WERKMAP] [OPTIES]"
)]
pub struct Cli {
    /// De werkmap (een map) of één bord (een .ron-bestand). Standaard: de huidige map als daar
    /// organisatie.ron staat, anders de `werkmap` uit de config, anders ./boards, anders de
    /// werkmap in je gebruikersmap (met een demo bij de eerste start).
    #[arg(value_name = "WERKMAP|BORD.ron", help_heading = "Argumenten")]
    pub pad: Option<PathBuf>,

    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "pad")]
    pub werkmap: Option<PathBuf>,

    /// Zet "vandaag" vast (bijvoorbeeld 2026-03-02 of 02-03-2026), voor tests en demo's.
    #[arg(long, global = true, value_name = "DATUM", value_parser = datum)]
    pub vandaag: Option<NaiveDate>,

    /// Toon deze hulp.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    /// Toon de versie.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub opdracht: Option<Opdracht>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Opdracht {
    /// Controleer de bestanden en toon de capaciteitsconflicten.
    ///
    /// Exitcode 0: alles in orde; 1: conflicten gevonden; 2: een bestand is onleesbaar of ongeldig.
    #[command(alias = "check", help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord controleer [WERKMAP|--werkmap MAP] [--format text|json]\n           [--vandaag DATUM] [--vanaf WEEK] [--weken N]")]
    Controleer(ControleerArgs),
    /// Toon de belasting per eenheid en week (of per persoon met --eenheid).
    #[command(alias = "capacity", help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord capaciteit [WERKMAP|--werkmap MAP] [--eenheid EENHEID]\n           [--format text|csv|json] [--vandaag DATUM] [--vanaf WEEK] [--weken N]")]
    Capaciteit(CapaciteitArgs),
    /// De opgaven op een rij: fase, adviseur, portefeuillehouder, kaarten, inzet deze week,
    /// conflicten en de volgende LTA-datum.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord opgaven [WERKMAP|--werkmap MAP] [--format text|json|csv]\n           [--vandaag DATUM]")]
    Opgaven(OpgavenArgs),
    /// Stand-up op het grote scherm: een bord, of alle borden van een clusterkamer om de beurt.
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "planbord standup [BORD|CLUSTER] [--werkmap MAP] [--minuten N]\n           [--roteer 30s]"
    )]
    Standup(StandupArgs),
    /// Schrijf het rapport voor het PMO-overleg: heatmap, conflicten per eenheid, open verzoeken en de stand per bord.
    #[command(
        alias = "report",
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "planbord rapport [WERKMAP|--werkmap MAP] [--format md|html]\n           [-o BESTAND] [--vandaag DATUM]"
    )]
    Rapport(RapportArgs),
    /// Schrijf de weekagenda voor het PMO-overleg en het OO: open verzoeken, verzoeken die
    /// blijven staan voor het PMO-overleg, besluiten van de afgelopen 7 dagen, overbelaste
    /// eenheden, opgaven met kaarten in gevaar en de LTA van de komende 4 weken.
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "planbord agenda [WERKMAP|--werkmap MAP] [--week WEEK] [--format md|html]\n           [-o BESTAND] [--vandaag DATUM]"
    )]
    Agenda(AgendaArgs),
    /// Git-merge-driver: voeg een bord of organisatie.ron samen (git roept dit aan met %O %A %B %P).
    #[command(name = "merge-driver", help_template = TEMPLATE, next_help_heading = "Opties", override_usage = "planbord merge-driver BASIS ONS HUN NAAM")]
    MergeDriver(MergeDriverArgs),
    /// Stel git in voor de werkmap: .gitattributes, de merge-driver en .gitignore.
    #[command(name = "git-setup", help_template = TEMPLATE, next_help_heading = "Opties", override_usage = "planbord git-setup [WERKMAP|--werkmap MAP]")]
    GitSetup(GitSetupArgs),
    /// Maak een nieuwe, lege werkmap voor je eigen organisatie (in een lege map).
    ///
    /// Alleen organisatie.ron: de naam, 36 uur per fte en de feestdagen van dit en volgend jaar.
    /// Daarna: `planbord importeer mensen BESTAND MAP`.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord nieuw MAP --naam NAAM [--vandaag DATUM]")]
    Nieuw(NieuwArgs),
    /// Wie kan helpen? Mensen met een talent (of naam), met hun vrije uren per week.
    ///
    /// Vrij = wat elke week van de periode over is: beschikbaar min gepland (ook gevraagde
    /// inzet telt). Wie de meeste ruimte heeft, staat bovenaan.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord mensen [WERKMAP] --talent TEKST [--weken N] [--vanaf WEEK]\n           [--format text|json]")]
    Mensen(MensenArgs),
    /// Breng gegevens in uit een ander bestand: mensen uit een HR-export.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              subcommand_help_heading = "Wat", subcommand_value_name = "WAT",
              override_usage = "planbord importeer mensen BESTAND [WERKMAP] [--droog]")]
    Importeer(ImporteerArgs),
    /// Schrijf een gegenereerde demo-werkmap (altijd dezelfde voor dezelfde opties) in een lege map.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord demo MAP [--vandaag DATUM] [--schaal N] [--overschrijven]")]
    Demo(DemoArgs),
    /// Schrijf de aanvulling van opdrachten en opties voor je shell naar het scherm.
    ///
    /// Bash: `planbord completions bash > ~/.local/share/bash-completion/completions/planbord`.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord completions bash|zsh|fish|powershell|elvish")]
    Completions(CompletionsArgs),
    /// Schrijf de man-pagina planbord(1) naar het scherm, of alle pagina's in MAP.
    ///
    /// Met MAP komt er ook een pagina per opdracht. Bekijk: `planbord man | man -l -`.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord man [MAP]")]
    Man(ManArgs),
}

/// `planbord nieuw`.
#[derive(Debug, Args)]
pub struct NieuwArgs {
    /// De map voor de nieuwe werkmap: bestaat nog niet, of is leeg.
    #[arg(value_name = "MAP", help_heading = "Argumenten")]
    pub map: PathBuf,
    /// De naam van de organisatie, bijvoorbeeld "Gemeente Voorschoten".
    #[arg(long, value_name = "NAAM")]
    pub naam: String,
}

/// `planbord mensen`.
#[derive(Debug, Args)]
pub struct MensenArgs {
    /// De werkmap.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
    /// Zoek in talenten en namen, bijvoorbeeld "subsidies" (hoofdletters doen er niet toe).
    #[arg(long, value_name = "TEKST")]
    pub talent: String,
    /// Het aantal weken waarover de vrije uren tellen (standaard 4).
    #[arg(long, value_name = "N", default_value_t = 4, hide_default_value = true, value_parser = |s: &str| aantal(s, 52))]
    pub weken: u32,
    /// De eerste week, bijvoorbeeld 2026-W50 (standaard: deze week).
    #[arg(long, value_name = "WEEK", value_parser = week)]
    pub vanaf: Option<Week>,
    /// Uitvoer: text (leesbaar, standaard) of json.
    #[arg(long, value_enum, default_value_t = ControleerFormaat::Text, hide_default_value = true, hide_possible_values = true)]
    pub format: ControleerFormaat,
}

/// `planbord importeer`.
#[derive(Debug, Args)]
pub struct ImporteerArgs {
    #[command(subcommand)]
    pub wat: Importeer,
}

/// What `planbord importeer` brings in.
#[derive(Debug, Subcommand)]
pub enum Importeer {
    /// Voeg mensen toe of werk ze bij uit een HR-export (.csv, .xlsx of .ods).
    ///
    /// Kolommen (hoofdletters en accenten doen er niet toe): personeelsnummer, naam (of
    /// voornaam, tussenvoegsel, achternaam), eenheid (of afdeling, team), uren (of fte), en
    /// naar keuze cluster, werkdagen (ma,di,wo), talenten, in dienst, uit dienst. Een
    /// onbekende eenheid of cluster wordt aangemaakt. Wie niet in het bestand staat, blijft.
    /// Exitcode 0: alle rijen verwerkt; 1: rijen overgeslagen; 2: het bestand is onleesbaar.
    #[command(help_template = TEMPLATE, next_help_heading = "Opties",
              override_usage = "planbord importeer mensen BESTAND [WERKMAP|--werkmap MAP] [--droog]")]
    Mensen(ImporteerMensenArgs),
}

/// `planbord importeer mensen`.
#[derive(Debug, Args)]
pub struct ImporteerMensenArgs {
    /// De HR-export: .csv (met ; , of tab), .xlsx of .ods (het eerste blad).
    #[arg(value_name = "BESTAND", help_heading = "Argumenten")]
    pub bestand: PathBuf,
    /// De werkmap.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
    /// Toon wat er zou gebeuren, zonder iets te schrijven.
    #[arg(long)]
    pub droog: bool,
}

/// `planbord completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// De shell: bash, zsh, fish, powershell of elvish.
    #[arg(
        value_name = "SHELL",
        help_heading = "Argumenten",
        value_enum,
        hide_possible_values = true
    )]
    pub shell: clap_complete::Shell,
}

/// `planbord man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Schrijf planbord.1 en een pagina per opdracht in deze map.
    #[arg(value_name = "MAP", help_heading = "Argumenten")]
    pub map: Option<PathBuf>,
}

/// The weeks a command looks at.
#[derive(Debug, Args, Clone, Copy)]
pub struct HorizonArgs {
    /// De eerste week, bijvoorbeeld 2026-W12 (standaard: de week van vandaag).
    #[arg(long, value_name = "WEEK", value_parser = week)]
    pub vanaf: Option<Week>,
    /// Het aantal weken (standaard 12).
    #[arg(long, value_name = "N", default_value_t = 12, hide_default_value = true, value_parser = |s: &str| aantal(s, 520))]
    pub weken: u32,
}

/// `planbord controleer`.
#[derive(Debug, Args)]
pub struct ControleerArgs {
    /// De werkmap of één bord.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
    /// Uitvoer: text (leesbaar, standaard) of json.
    #[arg(long, value_enum, default_value_t = ControleerFormaat::Text, hide_default_value = true, hide_possible_values = true)]
    pub format: ControleerFormaat,
    #[command(flatten)]
    pub horizon: HorizonArgs,
}

/// `planbord capaciteit`.
#[derive(Debug, Args)]
pub struct CapaciteitArgs {
    /// De werkmap.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
    /// Toon de mensen van deze eenheid (id, naam of een uniek deel van de naam) in plaats van
    /// alle eenheden.
    #[arg(long, value_name = "EENHEID")]
    pub eenheid: Option<String>,
    /// Uitvoer: text (tabel, standaard), csv (voor Excel) of json.
    #[arg(long, value_enum, default_value_t = CapaciteitFormaat::Text, hide_default_value = true, hide_possible_values = true)]
    pub format: CapaciteitFormaat,
    #[command(flatten)]
    pub horizon: HorizonArgs,
}

/// `planbord opgaven`.
#[derive(Debug, Args)]
pub struct OpgavenArgs {
    /// De werkmap.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
    /// Uitvoer: text (tabel, standaard), json of csv (voor Excel).
    #[arg(long, value_enum, default_value_t = OpgavenFormaat::Text, hide_default_value = true, hide_possible_values = true)]
    pub format: OpgavenFormaat,
}

/// Output formats of `opgaven`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OpgavenFormaat {
    Text,
    Json,
    Csv,
}

/// `planbord standup`.
#[derive(Debug, Args)]
pub struct StandupArgs {
    /// Een bord, of een cluster voor het scherm van een clusterkamer: id, naam of een uniek
    /// deel van de naam.
    #[arg(value_name = "BORD|CLUSTER", help_heading = "Argumenten")]
    pub doel: Option<String>,
    /// De werkmap.
    #[arg(long, value_name = "MAP")]
    pub werkmap: Option<PathBuf>,
    /// Minuten op de timer (standaard 15).
    #[arg(long, value_name = "N", default_value_t = 15, hide_default_value = true, value_parser = |s: &str| aantal(s, 180))]
    pub minuten: u32,
    /// Wissel van bord na deze tijd, bijvoorbeeld 30s of 2m (clusterkamer).
    #[arg(long, value_name = "DUUR")]
    pub roteer: Option<String>,
}

/// `planbord rapport`.
#[derive(Debug, Args)]
pub struct RapportArgs {
    /// De werkmap.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
    /// Uitvoer: md (Markdown, standaard) of html (één bestand dat ook goed print op A4).
    #[arg(long, value_enum, default_value_t = RapportFormaat::Md, hide_default_value = true, hide_possible_values = true)]
    pub format: RapportFormaat,
    /// Schrijf naar dit bestand in plaats van naar het scherm.
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,
}

/// `planbord agenda`.
#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// De werkmap.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
    /// De week van het overleg, bijvoorbeeld 2026-W49 (standaard: de week van vandaag). De
    /// besluiten zijn die van de 7 dagen voor de maandag van die week.
    #[arg(long, value_name = "WEEK", value_parser = week)]
    pub week: Option<Week>,
    /// Uitvoer: md (Markdown, voor Teams en mail; standaard) of html (één bestand dat ook goed
    /// print op A4).
    #[arg(long, value_enum, default_value_t = RapportFormaat::Md, hide_default_value = true, hide_possible_values = true)]
    pub format: RapportFormaat,
    /// Schrijf naar dit bestand in plaats van naar het scherm.
    #[arg(short = 'o', long = "uitvoer", value_name = "BESTAND")]
    pub uitvoer: Option<PathBuf>,
}

/// Output formats of `rapport`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RapportFormaat {
    Md,
    Html,
}

/// `planbord merge-driver`.
#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// De gemeenschappelijke voorouder (%O).
    #[arg(value_name = "BASIS", help_heading = "Argumenten", display_order = 1)]
    pub basis: PathBuf,
    /// Onze versie (%A); het resultaat komt hier.
    #[arg(value_name = "ONS", help_heading = "Argumenten", display_order = 2)]
    pub ours: PathBuf,
    /// Hun versie (%B).
    #[arg(value_name = "HUN", help_heading = "Argumenten", display_order = 3)]
    pub theirs: PathBuf,
    /// De naam van het bestand in de repository (%P).
    #[arg(
        value_name = "NAAM",
        help_heading = "Argumenten",
        display_order = 4,
        default_value = "",
        hide_default_value = true
    )]
    pub naam: String,
}

/// `planbord git-setup`.
#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// De werkmap in een git-repository.
    #[arg(value_name = "WERKMAP", help_heading = "Argumenten")]
    pub werkmap: Option<PathBuf>,
    /// De werkmap (in plaats van het argument).
    #[arg(long = "werkmap", value_name = "MAP", conflicts_with = "werkmap")]
    pub werkmap_optie: Option<PathBuf>,
}

/// `planbord demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// De map waarin de demo-werkmap komt.
    #[arg(value_name = "MAP", help_heading = "Argumenten")]
    pub map: PathBuf,
    /// Schaal: N keer zoveel mensen, eenheden, borden en kaarten (standaard 1).
    #[arg(long, value_name = "N", default_value_t = 1, hide_default_value = true, value_parser = |s: &str| aantal(s, 100))]
    pub schaal: u32,
    /// Schrijf ook in een map die niet leeg is; de oude bestanden gaan eerst naar
    /// MAP/.planbord/vorige/.
    #[arg(long)]
    pub overschrijven: bool,
}

/// Output formats of `controleer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ControleerFormaat {
    Text,
    Json,
}

/// Output formats of `capaciteit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CapaciteitFormaat {
    Text,
    Csv,
    Json,
}

fn datum(s: &str) -> Result<NaiveDate, String> {
    s.parse::<Datum>().map(|d| d.0)
}

/// A whole number from 1 to `max`, with a Dutch message otherwise.
fn aantal(s: &str, max: u32) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(crate::wording::geen_aantal(s, max)),
    }
}

fn week(s: &str) -> Result<Week, String> {
    s.parse()
}

/// The command line's definition, with help laid out for `breedte` columns.
pub fn command(breedte: usize) -> clap::Command {
    Cli::command().term_width(breedte).max_term_width(breedte)
}

/// Parses the arguments; help is printed for `breedte` columns and errors are explained in
/// Dutch.
pub fn parse(argv: impl IntoIterator<Item = OsString>, breedte: usize) -> Result<Cli, ExitCode> {
    let parsed = command(breedte)
        .try_get_matches_from(argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => Ok(cli),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let help = e.render().to_string().replace("Usage:", "Gebruik:");
            // A reader that stops early (`| head`) is no error: ignore a closed pipe.
            let _ = writeln!(std::io::stdout(), "{}", help.trim_end());
            Err(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", e.render().to_string().replace("Usage:", "Gebruik:"));
            Err(ExitCode::from(2))
        }
        Err(e) => {
            eprintln!("planbord: {}\nZie `planbord --help`.", dutch(&e));
            Err(ExitCode::from(2))
        }
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// clap's error kinds in Dutch.
fn dutch(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::UnknownArgument => format!("onbekende optie of argument `{arg}`"),
        ErrorKind::InvalidSubcommand => format!(
            "onbekende opdracht `{}`",
            context(e, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue);
            if valid.is_empty() {
                format!("ongeldige waarde `{value}` voor {arg}")
            } else {
                format!("ongeldige waarde `{value}` voor {arg}; mogelijk: {valid}")
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!("ongeldige waarde `{value}` voor {arg}: {why}")
        }
        ErrorKind::MissingRequiredArgument => format!("verplicht argument ontbreekt: {arg}"),
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg);
            let extra = context(e, ContextKind::InvalidSubcommand);
            if !arg.is_empty() {
                format!("{arg} gaat niet samen met {prior}")
            } else if !extra.is_empty() {
                // `planbord x y`: `x` was taken as the werkmap, so `y` has no place.
                format!(
                    "`{extra}` hoort niet na {prior}: geef één werkmap, of een opdracht met zijn argumenten"
                )
            } else {
                format!("dit gaat niet samen met {prior}")
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("te veel waarden: `{value}`")
        }
        _ => format!("ongeldige opdrachtregel ({})", e.kind()),
    }
}
