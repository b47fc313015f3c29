# syntax=docker/dockerfile:1
# Headless Smart Network server: REST API + web UI (`serve`), run as a non-root user.
# Needs a Neo4j 5 reachable at NEO4J_URI (see docker-compose.yml).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# The desktop binary is not part of the server image.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx electron-vite build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    ENVIRONMENT=production \
    API_HOST=0.0.0.0 \
    API_PORT=8000 \
    SMART_NETWORK_DATA_DIR=/data \
    SMART_NETWORK_CACHE_DIR=/data/cache
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/out ./out
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8000
# Healthy when the API answers /health with 200 (503 while Neo4j is unreachable).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.API_PORT}/health`,{headers:process.env.API_TOKEN?{authorization:`Bearer ${process.env.API_TOKEN}`}:{}}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "out/main/cli.js"]
CMD ["serve"]
