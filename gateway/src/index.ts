import { stopOnSignals } from '@lagesbild/http-kit';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

try {
  const config = loadGatewayConfig();
  const gateway = await startGateway(config);
  stopOnSignals(gateway);
  console.log(
    `[gateway] ready at ${gateway.url}/graphql (dashboard: ${gateway.url}/dashboard, GraphiQL: ${gateway.url}/graphiql)`,
  );
} catch (error) {
  console.error('[gateway] could not start:', error);
  process.exit(1);
}
