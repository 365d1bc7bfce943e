use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let loaded = match args.as_slice() {
        [cmd, dir] if cmd == "check" => {
            fascia::load_dir(std::path::Path::new(dir)).map_err(|e| e.to_string())
        }
        _ => fascia::bundled().map_err(|e| e.to_string()),
    };
    match loaded {
        Ok(a) => {
            println!(
                "ok: {} structures, {} facts",
                a.structure_count(),
                a.fact_count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
