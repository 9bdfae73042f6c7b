//! The `initiative` binary: parses the command line and exits with the code
//! the library's `run` returns.

/// mimalloc: the run allocates and frees millions of small strings and
/// maps; measured in `tests/bench/BENCHMARKS.md`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let code = initiative::cli::main();
    initiative::work::print_if_asked();
    code
}
