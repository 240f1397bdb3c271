#!/bin/sh
# A national sweep as a Slurm job array (docs/scale.md): one array task per shard of each line of
# sweep.txt. Submit from the folder that holds the catalogues:
#   jobid=$(sbatch --parsable --array=1-441 deploy/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid --wrap 'SWEEP=sweep.txt OUT=parts deploy/merge-all.sh'
#SBATCH --job-name=procmod-sweep
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=logs/%A_%a.out
export SWEEP=${SWEEP:-sweep.txt} SHARDS=${SHARDS:-7} OUT=${OUT:-parts}
exec "$(dirname "$0")/run-shard.sh" "$SLURM_ARRAY_TASK_ID"
