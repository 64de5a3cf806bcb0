/** The port rules live with the rest of the environment's rules, in @lagesbild/config. */
export { assertDistinctPorts, BAD_PORTS, parsePort, portFrom } from '@lagesbild/config';
