/** What a training run records: per-epoch metrics and the loss of every step. */

export interface EpochRecord {
  /** 1-based epoch number. */
  epoch: number;
  /** Mean training loss and accuracy over the epoch's batches (as the weights moved). */
  trainLoss: number;
  trainAcc: number;
  testLoss: number;
  testAcc: number;
  /** Learning rate used by the epoch's last step. */
  lr: number;
  /** Wall time of the epoch's training steps, seconds. */
  seconds: number;
}

export interface History {
  epochs: EpochRecord[];
  /** Training loss of every step, in order. */
  stepLoss: number[];
  /** Steps per epoch (to place step losses on the epoch axis). */
  stepsPerEpoch: number;
}
