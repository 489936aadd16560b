"""The stepped load: LOAD_STEPS users (default 100,150,200,250,300), LOAD_STEP_SECONDS each (120),
with benchmarks/locustfile.py's visitors. Used by benchmarks/load_test.sh after the 50-user run."""

import os

from locust import LoadTestShape

STEPS = [int(users) for users in os.environ.get("LOAD_STEPS", "100,150,200,250,300").split(",")]
STEP_SECONDS = int(os.environ.get("LOAD_STEP_SECONDS", "120"))


class Steps(LoadTestShape):
    def tick(self):
        step = int(self.get_run_time() // STEP_SECONDS)
        if step >= len(STEPS):
            return None
        return STEPS[step], 10
