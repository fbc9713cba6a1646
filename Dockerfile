# Build: Go with cgo against Debian's Tesseract and Leptonica.
FROM golang:1.26-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
      libtesseract-dev libleptonica-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w" -o /out/qualcheck ./cmd/qualcheck

# Run: Tesseract's libraries and the chi_sim and eng data, the glyph
# check's reference fonts, and PostgreSQL's server binaries for serve's
# embedded default (without DATABASE_URL it keeps its database and blobs
# in /data).
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng ca-certificates postgresql \
      fonts-wqy-microhei fonts-arphic-uming fonts-lxgw-wenkai \
    && rm -rf /var/lib/apt/lists/* && mkdir /data && chown nobody /data
COPY --from=build /out/qualcheck /usr/local/bin/qualcheck
# Tesseract's OpenMP threads fight the engine pool: one thread per engine.
# Beyond loopback the API needs a token: qualcheck token add NAME.
ENV OMP_THREAD_LIMIT=1 DATA_DIR=/data LISTEN=0.0.0.0:8080 PATH=/usr/lib/postgresql/15/bin:$PATH
VOLUME /data
EXPOSE 8080
USER nobody
ENTRYPOINT ["qualcheck"]
CMD ["help"]
