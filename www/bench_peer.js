// The benchmark's JavaScript peer: a network built the way TensorFlow Playground builds its
// own (nn.ts), timed side by side with regplay on the same problem (bench_cases.js):
// node and link objects, forward and backward one example at a time, Math.tanh, the weights
// updated after every batch with L2 decay. Sigmoid output and cross-entropy, as regplay's.
const PEER_TANH = { output: (x) => Math.tanh(x), der: (x) => { const o = Math.tanh(x); return 1 - o * o; } };
const PEER_SIGMOID = { output: (x) => 1 / (1 + Math.exp(-x)), der: (x) => { const o = 1 / (1 + Math.exp(-x)); return o * (1 - o); } };

class PeerNode {
  constructor(activation) {
    Object.assign(this, { activation, inputLinks: [], outputs: [], bias: 0.1, totalInput: 0, output: 0 });
    Object.assign(this, { outputDer: 0, inputDer: 0, accInputDer: 0, numAccumulatedDers: 0 });
  }
  updateOutput() {
    this.totalInput = this.bias;
    for (const link of this.inputLinks) this.totalInput += link.weight * link.source.output;
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class PeerLink {
  constructor(source, dest, random) {
    Object.assign(this, { source, dest, weight: random() - 0.5, errorDer: 0, accErrorDer: 0, numAccumulatedDers: 0 });
  }
}

function peerNetwork(shape, random) {
  const network = shape.map((n, l) => Array.from({ length: n }, () =>
    new PeerNode(l === shape.length - 1 ? PEER_SIGMOID : PEER_TANH)));
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      for (const prev of network[l - 1]) {
        const link = new PeerLink(prev, node, random);
        prev.outputs.push(link);
        node.inputLinks.push(link);
      }
    }
  }
  return network;
}

function peerForward(network, inputs) {
  network[0].forEach((node, i) => { node.output = inputs[i]; });
  for (let l = 1; l < network.length; l++) for (const node of network[l]) node.updateOutput();
  return network[network.length - 1][0].output;
}

function peerBackward(network, target) {
  const out = network[network.length - 1][0];
  out.outputDer = 0;
  out.inputDer = out.output - target; // dL/dz of cross-entropy through the sigmoid
  for (let l = network.length - 1; l >= 1; l--) {
    for (const node of network[l]) {
      if (node !== out) node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (const node of network[l]) {
      for (const link of node.inputLinks) {
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const node of network[l - 1]) {
      node.outputDer = 0;
      for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
    }
  }
}

function peerUpdate(network, learningRate, regularizationRate) {
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (const link of node.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate / link.numAccumulatedDers) * link.accErrorDer;
          link.weight -= learningRate * regularizationRate * link.weight; // L2
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

function peerLoss(network, points) {
  let loss = 0;
  for (const p of points) {
    const a = Math.min(Math.max(peerForward(network, p.x), 1e-15), 1 - 1e-15);
    loss -= p.y * Math.log(a) + (1 - p.y) * Math.log(1 - a);
  }
  return loss / points.length;
}

// A seeded generator (mulberry32), so the peer's data and weights are the same every run.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The peer on the bench's problem (2→8→8→1 tanh, L2): 250 training and 250 test points of a noisy circle. */
export function peer() {
  const random = mulberry32(42);
  const point = () => {
    const r = random() < 0.5 ? 5 * random() * 0.5 : 5 * (0.7 + 0.3 * random());
    const angle = 2 * Math.PI * random();
    return { x: [r * Math.cos(angle), r * Math.sin(angle)], y: r < 2.5 ? 1 : 0 };
  };
  const train = Array.from({ length: 250 }, point);
  const test = Array.from({ length: 250 }, point);
  const network = peerNetwork([2, 8, 8, 1], random);
  const nodes = network.flat();
  const maps = nodes.map(() => new Float64Array(100 * 100));
  return {
    // TF Playground's oneStep(): every training point once, an update after each batch,
    // then the training and test losses
    epoch(batch = 10, learningRate = 0.03, lambda = 0.01) {
      train.forEach((p, i) => {
        peerForward(network, p.x);
        peerBackward(network, p.y);
        if ((i + 1) % batch === 0) peerUpdate(network, learningRate, lambda);
      });
      return peerLoss(network, train) + peerLoss(network, test);
    },
    // TF Playground's updateDecisionBoundary(): every node's output over the n×n grid
    boundary(n = 100) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          peerForward(network, [-6 + (12 * (j + 0.5)) / n, 6 - (12 * (i + 0.5)) / n]);
          nodes.forEach((node, k) => { maps[k][i * n + j] = node.output; });
        }
      }
      return maps[maps.length - 1];
    },
  };
}
