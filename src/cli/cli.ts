process.stdout.write('star-stories: not built yet\n');
