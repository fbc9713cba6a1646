# Build: Go with cgo against Debian's Tesseract and Leptonica.
FROM golang:1.26-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
      libtesseract-dev libleptonica-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w" -o /out/qualcheck ./cmd/qualcheck

# Run: Tesseract's libraries and the chi_sim and eng data only.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/qualcheck /usr/local/bin/qualcheck
# Tesseract's OpenMP threads fight the engine pool: one thread per engine.
ENV OMP_THREAD_LIMIT=1
USER nobody
ENTRYPOINT ["qualcheck"]
CMD ["help"]
