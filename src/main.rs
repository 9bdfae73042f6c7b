//! The `initiative` binary: parses the command line and exits with the code
//! the library's `run` returns.

fn main() -> std::process::ExitCode {
    initiative::cli::main()
}
