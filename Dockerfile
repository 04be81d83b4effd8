# Multi-stage image of the API. It talks to the Neo4j named by NEO4J_URI (see docker-compose.yml).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY schema ./schema
COPY seed ./seed
COPY src ./src
USER node
EXPOSE 4000
# tsx (a runtime dependency) runs the TypeScript sources directly: no build step to drift.
CMD ["node", "--import", "tsx", "src/main.ts"]
