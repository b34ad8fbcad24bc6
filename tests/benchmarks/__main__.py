"""`python -m tests.benchmarks`: every benchmark, one after the other."""

from tests.benchmarks import (
    bench_board,
    bench_certificates,
    bench_cli_start,
    bench_copy,
    bench_demo,
    bench_excel,
    bench_hub_load,
    bench_live_refresh,
    bench_save_cost,
    bench_standings,
)

if __name__ == "__main__":
    bench_cli_start.main()
    bench_standings.main()
    bench_board.main()
    bench_demo.main()
    bench_certificates.main()
    bench_excel.main()
    bench_save_cost.main()
    bench_hub_load.main()
    bench_copy.main()
    bench_live_refresh.main()
