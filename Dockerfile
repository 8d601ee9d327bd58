# policy-monitor as a container: the daemon (`policy-monitor run`), its database on a volume.
#
#   docker build -t policy-monitor .                                 # without a browser
#   docker build -t policy-monitor:browser --build-arg WITH_CHROMIUM=1 .   # + Debian's chromium
#   docker run -d --name policy-monitor -v pm-data:/data \
#       -v "$PWD/watchlist.yaml:/config/watchlist.yaml:ro" -e SMTP_PASSWORD policy-monitor
#
# The image runs as an unprivileged user (uid 10001); the database lives in /data (a volume);
# the watchlist is read from /config/watchlist.yaml (mount your own; the example is built in).
# Build stage: a wheel with the text and engine modules compiled by mypyc (setup.py), which needs a C
# compiler the runtime image does without. The build fails if they did not compile, rather
# than ship the slower pure-Python fallback unnoticed.
FROM python:3.12-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY monitor ./monitor
# setup.py writes monitor/compiled-sources.txt only when all the modules compiled
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels . \
    && python -c "import glob, zipfile, sys; \
names = zipfile.ZipFile(glob.glob('/wheels/*.whl')[0]).namelist(); \
sys.exit(0 if 'monitor/compiled-sources.txt' in names else 'the compiled modules did not compile')"

FROM python:3.12-slim

ARG WITH_CHROMIUM=0
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    POLICY_MONITOR_DB=/data/monitor.db \
    POLICY_MONITOR_WATCHLIST=/config/watchlist.yaml

# The optional browser layer: Debian's chromium for pages that build their text in script
# (render: browser / auto). Playwright drives it; it never downloads a browser of its own.
RUN if [ "$WITH_CHROMIUM" = "1" ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends chromium fonts-liberation \
        && rm -rf /var/lib/apt/lists/*; \
    fi

# the extra `fast` adds the Hyperscan prefilter on x86-64 (and nothing elsewhere)
COPY --from=build /wheels /wheels
RUN wheel="$(ls /wheels/*.whl)" \
    && if [ "$WITH_CHROMIUM" = "1" ]; then pip install "$wheel[fast,browser]"; else pip install "$wheel[fast]"; fi \
    && rm -rf /wheels \
    && useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin monitor \
    && mkdir -p /data /config \
    && chown monitor:monitor /data
COPY watchlist.yaml /config/watchlist.yaml

USER monitor
VOLUME ["/data"]
# healthy while the daemon holds the database and ticks (the lock file's mtime, every few seconds)
HEALTHCHECK --interval=1m --timeout=20s --start-period=1m --retries=3 \
    CMD ["policy-monitor", "health"]
ENTRYPOINT ["policy-monitor"]
CMD ["run"]
