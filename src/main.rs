//! planbord's entry point: everything happens in the library's command line module.

fn main() -> std::process::ExitCode {
    planbord::cli::run(std::env::args_os())
}
